// The double's own: where a property goes in the JSON that DefaultSerializer writes.
namespace MercadoPago.Serialization
{
    using System;

    /// <summary>
    /// Newtonsoft (which the SDK serializes with) writes properties in their declaration order in the
    /// SDK's class. The double declares a request's properties grouped by meaning instead, and gives each
    /// its position in the SDK's class here, so the body keeps the SDK's order. DefaultSerializer writes
    /// the properties that have a position first, by position, then the others in declaration order.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
    internal sealed class WireOrderAttribute : Attribute
    {
        public WireOrderAttribute(int position)
        {
            Position = position;
        }

        /// <summary>1-based index of the property in the SDK's declaration (nested ones left out here included).</summary>
        public int Position { get; private set; }
    }
}
