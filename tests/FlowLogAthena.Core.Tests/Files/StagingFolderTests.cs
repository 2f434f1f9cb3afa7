using FlowLogAthena.Core.Files;

namespace FlowLogAthena.Core.Tests.Files;

public sealed class StagingFolderTests
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_staging_folder_is_private_to_its_user_and_new_for_every_run()
    {
        using var first = StagingFolder.Create("job");
        using var second = StagingFolder.Create("job");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(first.Path));
        Assert.NotEqual(first.Path, second.Path);
        Assert.Equal(Path.GetFullPath(Path.GetTempPath()), Path.GetDirectoryName(first.Path) + Path.DirectorySeparatorChar);
        Assert.StartsWith("flowlog-athena-job-", Path.GetFileName(first.Path), StringComparison.Ordinal);
    }

    [Fact]
    public void Disposing_removes_the_folder_with_everything_staged_in_it()
    {
        var staging = StagingFolder.Create("report");
        Directory.CreateDirectory(Path.Combine(staging.Path, "this-week", "traffic"));
        File.WriteAllText(Path.Combine(staging.Path, "this-week", "traffic", "top-talkers.csv"), "a,b");
        File.WriteAllText(staging.FileNamed("manifest.json"), "{}");

        staging.Dispose();

        Assert.False(Directory.Exists(staging.Path));
    }

    [Fact]
    public void No_writer_stages_under_the_old_shared_tmp_path()
    {
        // The old fixed folder another user could create first: nothing in src may name it any more.
        var src = RepositoryRoot.Combine("src");
        var offenders = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("GetTempPath(), \"flowlog-athena\"", StringComparison.Ordinal)).ToList();

        Assert.Empty(offenders);
    }
}
