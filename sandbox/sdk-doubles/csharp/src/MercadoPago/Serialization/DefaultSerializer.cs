// MercadoPago.Serialization.DefaultSerializer of mercadopago-sdk 3.5.0: same public methods, and the JSON
// Newtonsoft writes with the SDK's settings; the code is the double's own (no Newtonsoft here, see below).
namespace MercadoPago.Serialization
{
    using System;
    using System.Collections;
    using System.Collections.Generic;
    using System.Globalization;
    using System.Linq;
    using System.Reflection;
    using System.Text;
    using System.Web.Script.Serialization;

    /// <summary>
    /// snake_case JSON mapping: PascalCase properties &lt;-&gt; snake_case keys, nulls left out when
    /// writing, unknown keys ignored when reading, dates as yyyy-MM-dd'T'HH:mm:ss.fffK.
    /// </summary>
    /// <remarks>
    /// SHORTCUT: the SDK does this with Newtonsoft.Json (SnakeCaseNamingStrategy, NullValueHandling.Ignore).
    /// Newtonsoft is a NuGet package and NuGet is out of reach here, so the double writes JSON itself,
    /// reproducing Newtonsoft's output for the types it meets: properties in the SDK's declaration order
    /// (the double's request classes declare them grouped by meaning; [WireOrder] gives the SDK's order),
    /// decimals always with a decimal point (100m -> 100.0, 75.50m -> 75.50), doubles in round-trip form,
    /// enums as numbers, dates in the SDK's DateFormatString, and Newtonsoft's default string escaping. It reads
    /// JSON with System.Web.Script.Serialization.JavaScriptSerializer (System.Web.Extensions.dll, shipped
    /// with Mono) and maps it onto the properties by reflection. Known differences, none of which touch
    /// the examples' calls (their bodies are written byte for byte as the SDK writes them):
    /// [JsonProperty] / [JsonIgnore] attributes are not supported (no property of the double needs one);
    /// reference loops are not detected; a JSON number read into an int property is rounded where
    /// Newtonsoft would refuse a fraction.
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
            var text = new StringBuilder();
            Write(text, request);
            return text.ToString();
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

        // Writes value as JSON the way Newtonsoft does with the SDK's settings.
        private static void Write(StringBuilder text, object value)
        {
            if (value == null)
            {
                text.Append("null");
                return;
            }

            var str = value as string;
            if (str != null)
            {
                WriteString(text, str);
                return;
            }

            if (value is bool)
            {
                text.Append((bool)value ? "true" : "false");
                return;
            }

            if (value is char)
            {
                WriteString(text, value.ToString());
                return;
            }

            if (value is decimal)
            {
                // JsonConvert.ToString(decimal): always a decimal point, so 100m is written 100.0.
                text.Append(EnsureDecimalPlace(((decimal)value).ToString(null, CultureInfo.InvariantCulture)));
                return;
            }

            if (value is double || value is float)
            {
                WriteFloatingPoint(text, value);
                return;
            }

            if (value is Enum)
            {
                // No StringEnumConverter in the SDK's settings: enums are written as numbers.
                object number = Convert.ChangeType(value, Enum.GetUnderlyingType(value.GetType()), CultureInfo.InvariantCulture);
                text.Append(Convert.ToString(number, CultureInfo.InvariantCulture));
                return;
            }

            if (value.GetType().IsPrimitive)
            {
                // The integer types (bool, char, double and float are handled above).
                text.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                return;
            }

            if (value is DateTime)
            {
                WriteString(text, ((DateTime)value).ToString(DateFormat, CultureInfo.InvariantCulture));
                return;
            }

            if (value is DateTimeOffset)
            {
                WriteString(text, ((DateTimeOffset)value).ToString(DateFormat, CultureInfo.InvariantCulture));
                return;
            }

            if (value is Guid)
            {
                WriteString(text, ((Guid)value).ToString("D", CultureInfo.InvariantCulture));
                return;
            }

            var dictionary = value as IDictionary;
            if (dictionary != null)
            {
                // Dictionary keys are written as they are (Newtonsoft's naming strategy skips them), and
                // null values are written: NullValueHandling.Ignore applies to object properties only.
                text.Append('{');
                bool first = true;
                foreach (DictionaryEntry entry in dictionary)
                {
                    if (!first)
                    {
                        text.Append(',');
                    }

                    first = false;
                    WriteString(text, Convert.ToString(entry.Key, CultureInfo.InvariantCulture));
                    text.Append(':');
                    Write(text, entry.Value);
                }

                text.Append('}');
                return;
            }

            var list = value as IEnumerable;
            if (list != null)
            {
                text.Append('[');
                bool first = true;
                foreach (object item in list)
                {
                    if (!first)
                    {
                        text.Append(',');
                    }

                    first = false;
                    Write(text, item);
                }

                text.Append(']');
                return;
            }

            // An object: its public readable properties in the SDK's order, snake_case, nulls left out.
            text.Append('{');
            bool firstMember = true;
            foreach (PropertyInfo property in InWireOrder(value.GetType()))
            {
                if (!property.CanRead || property.GetGetMethod() == null || property.GetIndexParameters().Length > 0)
                {
                    continue;
                }

                object member = property.GetValue(value, null);
                if (member == null)
                {
                    continue;
                }

                if (!firstMember)
                {
                    text.Append(',');
                }

                firstMember = false;
                WriteString(text, ToSnakeCase(property.Name));
                text.Append(':');
                Write(text, member);
            }

            text.Append('}');
        }

        // Declaration order, except that properties marked [WireOrder] come first, by position (a stable
        // sort: OrderBy keeps the declaration order among equal keys).
        private static IEnumerable<PropertyInfo> InWireOrder(Type type)
        {
            return type.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(property =>
            {
                var order = (WireOrderAttribute)Attribute.GetCustomAttribute(property, typeof(WireOrderAttribute));
                return order == null ? int.MaxValue : order.Position;
            });
        }

        // JsonConvert.ToString(double / float): round-trip ("R") text with a decimal point added when it
        // has neither '.' nor an exponent; NaN and the infinities as strings (FloatFormatHandling.String).
        private static void WriteFloatingPoint(StringBuilder text, object value)
        {
            double number = value is float ? (float)value : (double)value;
            if (double.IsNaN(number) || double.IsInfinity(number))
            {
                WriteString(text, double.IsNaN(number) ? "NaN" : number > 0 ? "Infinity" : "-Infinity");
                return;
            }

            string digits = value is float
                ? ((float)value).ToString("R", CultureInfo.InvariantCulture)
                : number.ToString("R", CultureInfo.InvariantCulture);
            text.Append(digits.IndexOf('E') != -1 || digits.IndexOf('e') != -1 ? digits : EnsureDecimalPlace(digits));
        }

        private static string EnsureDecimalPlace(string digits)
        {
            return digits.IndexOf('.') != -1 ? digits : digits + ".0";
        }

        // A JSON string escaped as Newtonsoft's default StringEscapeHandling does: '"', '\\' and the
        // control characters below U+0020 (\b \t \n \f \r by name, others as \u00xx in lower-case hex),
        // plus U+0085, U+2028 and U+2029. Everything else, '<', '>', '&', '\'' and non-ASCII included,
        // is written as it is.
        private static void WriteString(StringBuilder text, string value)
        {
            text.Append('"');
            foreach (char c in value)
            {
                switch (c)
                {
                    case '"':
                        text.Append("\\\"");
                        break;
                    case '\\':
                        text.Append("\\\\");
                        break;
                    case '\b':
                        text.Append("\\b");
                        break;
                    case '\t':
                        text.Append("\\t");
                        break;
                    case '\n':
                        text.Append("\\n");
                        break;
                    case '\f':
                        text.Append("\\f");
                        break;
                    case '\r':
                        text.Append("\\r");
                        break;
                    default:
                        if (c < ' ' || c == '\u0085' || c == '\u2028' || c == '\u2029')
                        {
                            text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            text.Append(c);
                        }

                        break;
                }
            }

            text.Append('"');
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

                // An interface gets a List<T>; a class (List<T> itself, or ResourcesList<T>) is made as it is.
                Type made = target.IsInterface ? typeof(List<>).MakeGenericType(element) : target;
                var list = (IList)Activator.CreateInstance(made);
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

        // IList<T>, ICollection<T>, IEnumerable<T>, List<T> or a class derived from it (ResourcesList<T>) -> T;
        // anything else -> null.
        private static Type ListElementType(Type type)
        {
            if (type.IsInterface && type.IsGenericType)
            {
                Type definition = type.GetGenericTypeDefinition();
                return definition == typeof(IList<>) || definition == typeof(ICollection<>) || definition == typeof(IEnumerable<>)
                    ? type.GetGenericArguments()[0]
                    : null;
            }

            for (Type level = type; level != null; level = level.BaseType)
            {
                if (level.IsGenericType && level.GetGenericTypeDefinition() == typeof(List<>))
                {
                    return level.GetGenericArguments()[0];
                }
            }

            return null;
        }
    }
}
