namespace Akka.Event;

public static partial class LoggingExtensions
{
    /// <summary>Logs <paramref name="format"/> at error level.</summary>
    public static void Error(this ILoggingAdapter log, string format)
    {
        Write(log, LogLevel.ErrorLevel, null, format, Array.Empty<object>());
    }

    /// <summary>Logs <paramref name="format"/> with a cause at error level.</summary>
    public static void Error(this ILoggingAdapter log, Exception cause, string format)
    {
        Write(log, LogLevel.ErrorLevel, cause, format, Array.Empty<object>());
    }

    /// <summary>Logs a formatted message at error level.</summary>
    public static void Error<T1>(this ILoggingAdapter log, string format, T1 arg1)
    {
        if (log.IsEnabled(LogLevel.ErrorLevel))
            Write(log, LogLevel.ErrorLevel, null, format, new object[] { arg1 });
    }

    /// <summary>Logs a formatted message with a cause at error level.</summary>
    public static void Error<T1>(this ILoggingAdapter log, Exception cause, string format, T1 arg1)
    {
        if (log.IsEnabled(LogLevel.ErrorLevel))
            Write(log, LogLevel.ErrorLevel, cause, format, new object[] { arg1 });
    }

    /// <summary>Logs a formatted message at error level.</summary>
    public static void Error<T1, T2>(this ILoggingAdapter log, string format, T1 arg1, T2 arg2)
    {
        if (log.IsEnabled(LogLevel.ErrorLevel))
            Write(log, LogLevel.ErrorLevel, null, format, new object[] { arg1, arg2 });
    }

    /// <summary>Logs a formatted message with a cause at error level.</summary>
    public static void Error<T1, T2>(this ILoggingAdapter log, Exception cause, string format, T1 arg1, T2 arg2)
    {
        if (log.IsEnabled(LogLevel.ErrorLevel))
            Write(log, LogLevel.ErrorLevel, cause, format, new object[] { arg1, arg2 });
    }

    /// <summary>Logs a formatted message at error level.</summary>
    public static void Error<T1, T2, T3>(this ILoggingAdapter log, string format, T1 arg1, T2 arg2, T3 arg3)
    {
        if (log.IsEnabled(LogLevel.ErrorLevel))
            Write(log, LogLevel.ErrorLevel, null, format, new object[] { arg1, arg2, arg3 });
    }

    /// <summary>Logs a formatted message with a cause at error level.</summary>
    public static void Error<T1, T2, T3>(this ILoggingAdapter log, Exception cause, string format, T1 arg1, T2 arg2, T3 arg3)
    {
        if (log.IsEnabled(LogLevel.ErrorLevel))
            Write(log, LogLevel.ErrorLevel, cause, format, new object[] { arg1, arg2, arg3 });
    }

    /// <summary>Logs a formatted message at error level.</summary>
    public static void Error<T1, T2, T3, T4>(this ILoggingAdapter log, string format, T1 arg1, T2 arg2, T3 arg3, T4 arg4)
    {
        if (log.IsEnabled(LogLevel.ErrorLevel))
            Write(log, LogLevel.ErrorLevel, null, format, new object[] { arg1, arg2, arg3, arg4 });
    }

    /// <summary>Logs a formatted message with a cause at error level.</summary>
    public static void Error<T1, T2, T3, T4>(this ILoggingAdapter log, Exception cause, string format, T1 arg1, T2 arg2, T3 arg3, T4 arg4)
    {
        if (log.IsEnabled(LogLevel.ErrorLevel))
            Write(log, LogLevel.ErrorLevel, cause, format, new object[] { arg1, arg2, arg3, arg4 });
    }

    /// <summary>Logs a formatted message at error level.</summary>
    public static void Error<T1, T2, T3, T4, T5>(this ILoggingAdapter log, string format, T1 arg1, T2 arg2, T3 arg3, T4 arg4, T5 arg5)
    {
        if (log.IsEnabled(LogLevel.ErrorLevel))
            Write(log, LogLevel.ErrorLevel, null, format, new object[] { arg1, arg2, arg3, arg4, arg5 });
    }

    /// <summary>Logs a formatted message with a cause at error level.</summary>
    public static void Error<T1, T2, T3, T4, T5>(this ILoggingAdapter log, Exception cause, string format, T1 arg1, T2 arg2, T3 arg3, T4 arg4, T5 arg5)
    {
        if (log.IsEnabled(LogLevel.ErrorLevel))
            Write(log, LogLevel.ErrorLevel, cause, format, new object[] { arg1, arg2, arg3, arg4, arg5 });
    }

    /// <summary>Logs a formatted message at error level.</summary>
    public static void Error<T1, T2, T3, T4, T5, T6>(this ILoggingAdapter log, string format, T1 arg1, T2 arg2, T3 arg3, T4 arg4, T5 arg5, T6 arg6)
    {
        if (log.IsEnabled(LogLevel.ErrorLevel))
            Write(log, LogLevel.ErrorLevel, null, format, new object[] { arg1, arg2, arg3, arg4, arg5, arg6 });
    }

    /// <summary>Logs a formatted message with a cause at error level.</summary>
    public static void Error<T1, T2, T3, T4, T5, T6>(this ILoggingAdapter log, Exception cause, string format, T1 arg1, T2 arg2, T3 arg3, T4 arg4, T5 arg5, T6 arg6)
    {
        if (log.IsEnabled(LogLevel.ErrorLevel))
            Write(log, LogLevel.ErrorLevel, cause, format, new object[] { arg1, arg2, arg3, arg4, arg5, arg6 });
    }

    /// <summary>Logs a formatted message at error level (the array is not <c>params</c>).</summary>
    public static void Error(this ILoggingAdapter log, string format, object[] args)
    {
        Write(log, LogLevel.ErrorLevel, null, format, args);
    }

    /// <summary>Logs a formatted message with a cause at error level (the array is not <c>params</c>).</summary>
    public static void Error(this ILoggingAdapter log, Exception cause, string format, object[] args)
    {
        Write(log, LogLevel.ErrorLevel, cause, format, args);
    }
}
