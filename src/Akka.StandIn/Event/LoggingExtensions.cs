namespace Akka.Event;

/// <summary>
/// The level-named logging methods of <see cref="ILoggingAdapter"/>. Each checks the level first, so
/// disabled levels cost no formatting. Arguments are positional (<c>{0}</c>); <c>log.Error("text", ex)</c>
/// treats <c>ex</c> as a format argument, not as the cause.
/// </summary>
public static partial class LoggingExtensions
{
    /// <summary>Logs <paramref name="format"/> at <paramref name="level"/>.</summary>
    public static void Log(this ILoggingAdapter log, LogLevel level, string format)
    {
        Write(log, level, null, format, Array.Empty<object>());
    }
    /// <summary>Logs a formatted message at <paramref name="level"/>.</summary>
    public static void Log(this ILoggingAdapter log, LogLevel level, string format, object[] args)
    {
        Write(log, level, null, format, args);
    }
    /// <summary>Logs a formatted message with a cause at <paramref name="level"/>.</summary>
    public static void Log(this ILoggingAdapter log, LogLevel level, Exception cause, string format, object[] args)
    {
        Write(log, level, cause, format, args);
    }
    /// <summary>Logs a formatted message with a cause at <paramref name="logLevel"/>.</summary>
    public static void Log<T1>(this ILoggingAdapter log, LogLevel logLevel, Exception cause, string format, T1 arg1)
    {
        if (log.IsEnabled(logLevel))
            Write(log, logLevel, cause, format, new object[] { arg1 });
    }
    /// <summary>Logs a formatted message with a cause at <paramref name="logLevel"/>.</summary>
    public static void Log<T1, T2>(this ILoggingAdapter log, LogLevel logLevel, Exception cause, string format, T1 arg1, T2 arg2)
    {
        if (log.IsEnabled(logLevel))
            Write(log, logLevel, cause, format, new object[] { arg1, arg2 });
    }
    /// <summary>Logs a formatted message with a cause at <paramref name="logLevel"/>.</summary>
    public static void Log<T1, T2, T3>(this ILoggingAdapter log, LogLevel logLevel, Exception cause, string format, T1 arg1, T2 arg2, T3 arg3)
    {
        if (log.IsEnabled(logLevel))
            Write(log, logLevel, cause, format, new object[] { arg1, arg2, arg3 });
    }
    /// <summary>Logs a formatted message with a cause at <paramref name="logLevel"/>.</summary>
    public static void Log<T1, T2, T3, T4>(this ILoggingAdapter log, LogLevel logLevel, Exception cause, string format, T1 arg1, T2 arg2, T3 arg3, T4 arg4)
    {
        if (log.IsEnabled(logLevel))
            Write(log, logLevel, cause, format, new object[] { arg1, arg2, arg3, arg4 });
    }
    /// <summary>Logs a formatted message with a cause at <paramref name="logLevel"/>.</summary>
    public static void Log<T1, T2, T3, T4, T5>(this ILoggingAdapter log, LogLevel logLevel, Exception cause, string format, T1 arg1, T2 arg2, T3 arg3, T4 arg4, T5 arg5)
    {
        if (log.IsEnabled(logLevel))
            Write(log, logLevel, cause, format, new object[] { arg1, arg2, arg3, arg4, arg5 });
    }
    /// <summary>Logs a formatted message with a cause at <paramref name="logLevel"/>.</summary>
    public static void Log<T1, T2, T3, T4, T5, T6>(this ILoggingAdapter log, LogLevel logLevel, Exception cause, string format, T1 arg1, T2 arg2, T3 arg3, T4 arg4, T5 arg5, T6 arg6)
    {
        if (log.IsEnabled(logLevel))
            Write(log, logLevel, cause, format, new object[] { arg1, arg2, arg3, arg4, arg5, arg6 });
    }

    private static void Write(ILoggingAdapter log, LogLevel level, Exception cause, string format, object[] args)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (!log.IsEnabled(level))
            return;
        log.Log(level, cause, new DefaultLogMessage(log.Formatter ?? DefaultLogMessageFormatter.Instance, format, args ?? Array.Empty<object>()));
    }
}
