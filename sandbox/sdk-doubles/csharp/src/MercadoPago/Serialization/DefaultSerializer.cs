// Double of src/MercadoPago/Serialization/DefaultSerializer.cs (mercadopago-sdk 3.5.0).
namespace MercadoPago.Serialization
{
    using System;
    using System.Collections;
    using System.Collections.Generic;
    using System.Globalization;
    using System.Reflection;
    using System.Text;
    using System.Web.Script.Serialization;

    /// <summary>
    /// snake_case JSON mapping: PascalCase properties &lt;-&gt; snake_case keys, nulls left out when
    /// writing, unknown keys ignored when reading, dates as yyyy-MM-dd'T'HH:mm:ss.fffK.
    /// </summary>
    /// <remarks>
    /// SHORTCUT: the SDK does this with Newtonsoft.Json (SnakeCaseNamingStrategy, NullValueHandling.Ignore).
    /// Newtonsoft is a NuGet package and NuGet is out of reach here, so the double parses and writes
    /// JSON with System.Web.Script.Serialization.JavaScriptSerializer (System.Web.Extensions.dll, shipped
    /// with Mono) and maps it onto the properties by reflection (dates are formatted here, since
    /// JavaScriptSerializer would write "\/Date(...)\/"). Known differences, none of which touch the cancel
    /// call ({"status":"cancelled"} is written byte for byte as the SDK writes it): JavaScriptSerializer
    /// escapes '&lt;', '&gt;', '&amp;' and '\'' as \u00XX where Newtonsoft writes them as they are;
    /// [JsonProperty] renames are not supported (no property of the double needs one); a JSON number
    /// read into an int property is rounded where Newtonsoft would refuse a fraction.
    /// </remarks>
    public class DefaultSerializer : ISerializer
    {
        private const string DateFormat = "yyyy-MM-dd'T'HH:mm:ss.fffK";

        private readonly JavaScriptSerializer json = new JavaScriptSerializer { MaxJsonLength = int.MaxValue };

        public TResponse DeserializeFromJson<TResponse>(string text) where TResponse : new()
        {
            // Like JsonConvert.DeserializeObject: an empty body gives null (default), no exception.
            if (string.IsNullOrWhiteSpace(text))
            {
                return default(TResponse);
            }

            object tree = json.DeserializeObject(text); // throws ArgumentException on malformed JSON
            return (TResponse)ToType(tree, typeof(TResponse));
        }

        public string SerializeToJson(object request)
        {
            return json.Serialize(ToTree(request));
        }

        /// <summary>"StatusDetail" -> "status_detail", "ThreeDSInfo" -> "three_ds_info".</summary>
        public static string ToSnakeCase(string name)
        {
            var text = new StringBuilder(name.Length + 8);
            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                if (char.IsUpper(c))
                {
                    bool afterLowerOrDigit = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                    bool endOfAcronym = i > 0 && char.IsUpper(name[i - 1])
                        && i + 1 < name.Length && char.IsLower(name[i + 1]);
                    if (afterLowerOrDigit || endOfAcronym)
                    {
                        text.Append('_');
                    }

                    text.Append(char.ToLowerInvariant(c));
                }
                else
                {
                    text.Append(c);
                }
            }

            return text.ToString();
        }

        // Object -> tree of dictionaries / lists / primitives that JavaScriptSerializer writes as JSON.
        private static object ToTree(object value)
        {
            if (value == null || value is string || value is bool || value is char || value.GetType().IsPrimitive
                || value is decimal || value is Enum)
            {
                return value;
            }

            if (value is DateTime)
            {
                return ((DateTime)value).ToString(DateFormat, CultureInfo.InvariantCulture);
            }

            if (value is DateTimeOffset)
            {
                return ((DateTimeOffset)value).ToString(DateFormat, CultureInfo.InvariantCulture);
            }

            var dictionary = value as IDictionary;
            if (dictionary != null)
            {
                // Dictionary keys are written as they are (Newtonsoft's naming strategy skips them too).
                var copy = new Dictionary<string, object>();
                foreach (DictionaryEntry entry in dictionary)
                {
                    copy[Convert.ToString(entry.Key, CultureInfo.InvariantCulture)] = ToTree(entry.Value);
                }

                return copy;
            }

            var list = value as IEnumerable;
            if (list != null)
            {
                var items = new List<object>();
                foreach (object item in list)
                {
                    items.Add(ToTree(item));
                }

                return items;
            }

            var members = new Dictionary<string, object>();
            foreach (PropertyInfo property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (!property.CanRead || property.GetIndexParameters().Length > 0)
                {
                    continue;
                }

                object member = property.GetValue(value, null);
                if (member != null)
                {
                    members[ToSnakeCase(property.Name)] = ToTree(member);
                }
            }

            return members;
        }

        // Parsed JSON (IDictionary<string, object>, object[]/ArrayList, string, bool, int/long/decimal/double)
        // -> an instance of the requested type.
        private static object ToType(object value, Type type)
        {
            Type nullable = Nullable.GetUnderlyingType(type);
            if (value == null)
            {
                if (type.IsValueType && nullable == null)
                {
                    throw new FormatException("null for non-nullable " + type.Name);
                }

                return null;
            }

            Type target = nullable ?? type;
            if (target == typeof(object))
            {
                return value;
            }

            bool isContainer = value is IDictionary<string, object> || (value is IEnumerable && !(value is string));
            if (target == typeof(string))
            {
                if (isContainer)
                {
                    throw new FormatException("object or array for a string property");
                }

                // Numbers become their invariant text (cause code 2018 -> "2018"), as Newtonsoft does.
                return Convert.ToString(value, CultureInfo.InvariantCulture);
            }

            if (target == typeof(DateTime))
            {
                return DateTime.Parse((string)value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
            }

            if (target.IsPrimitive || target == typeof(decimal))
            {
                if (isContainer)
                {
                    throw new FormatException("object or array for a " + target.Name + " property");
                }

                return Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
            }

            var fields = value as IDictionary<string, object>;
            if (fields != null && target.IsAssignableFrom(typeof(Dictionary<string, object>)))
            {
                return new Dictionary<string, object>(fields);
            }

            Type element = ListElementType(target);
            if (element != null)
            {
                var items = value as IEnumerable;
                if (items == null || fields != null)
                {
                    throw new FormatException("expected an array for " + target.Name);
                }

                var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element));
                foreach (object item in items)
                {
                    list.Add(ToType(item, element));
                }

                return list;
            }

            if (fields == null)
            {
                throw new FormatException("expected an object for " + target.Name);
            }

            object instance = Activator.CreateInstance(target);
            foreach (PropertyInfo property in target.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (!property.CanWrite || property.GetSetMethod() == null)
                {
                    continue;
                }

                object member;
                if (TryGetField(fields, ToSnakeCase(property.Name), out member))
                {
                    property.SetValue(instance, ToType(member, property.PropertyType), null);
                }
            }

            return instance;
        }

        // Exact key first, then case-insensitive (Newtonsoft matches names the same way).
        private static bool TryGetField(IDictionary<string, object> fields, string key, out object value)
        {
            if (fields.TryGetValue(key, out value))
            {
                return true;
            }

            foreach (var entry in fields)
            {
                if (string.Equals(entry.Key, key, StringComparison.OrdinalIgnoreCase))
                {
                    value = entry.Value;
                    return true;
                }
            }

            value = null;
            return false;
        }

        // List<T>, IList<T>, ICollection<T>, IEnumerable<T> -> T; anything else -> null.
        private static Type ListElementType(Type type)
        {
            if (!type.IsGenericType)
            {
                return null;
            }

            Type definition = type.GetGenericTypeDefinition();
            if (definition == typeof(List<>) || definition == typeof(IList<>)
                || definition == typeof(ICollection<>) || definition == typeof(IEnumerable<>))
            {
                return type.GetGenericArguments()[0];
            }

            return null;
        }
    }
}
