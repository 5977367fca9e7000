using Akka.Actor;

namespace Akka.Configuration;

/// <summary>Thrown when configuration cannot be loaded or holds an unusable value.</summary>
public class ConfigurationException : AkkaException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, naming the key or resource.</param>
    public ConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">What is wrong, naming the key or resource.</param>
    /// <param name="exception">The underlying error.</param>
    public ConfigurationException(string message, Exception exception)
        : base(message, exception)
    {
    }
}
