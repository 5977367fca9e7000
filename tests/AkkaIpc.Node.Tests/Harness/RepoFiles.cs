namespace AkkaIpc.Node.Tests.Harness;

/// <summary>Files of the repository the tests read (the example configurations).</summary>
internal static class RepoFiles
{
    public static string Path(string relative)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "AkkaIpc.slnx")))
        {
            directory = directory.Parent;
        }

        return directory is null
            ? throw new InvalidOperationException($"AkkaIpc.slnx not found above {AppContext.BaseDirectory}")
            : System.IO.Path.Combine(directory.FullName, relative);
    }
}
