namespace Akka.Event;

/// <summary>Log levels, lowest first.</summary>
public enum LogLevel
{
    /// <summary>Debug.</summary>
    DebugLevel = 0,

    /// <summary>Info.</summary>
    InfoLevel = 1,

    /// <summary>Warning.</summary>
    WarningLevel = 2,

    /// <summary>Error.</summary>
    ErrorLevel = 3,
}
