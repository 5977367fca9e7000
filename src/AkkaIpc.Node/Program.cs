namespace AkkaIpc.Node;

internal static class Program
{
    private static int Main() => 0;
}
