namespace Akka.Util;

/// <summary>
/// Marks a type that real Akka.NET can replace by a serializable surrogate. The stand-in never
/// serializes, so the interface carries no members here.
/// </summary>
public interface ISurrogated
{
}
