using System.CommandLine;
using NovaImage.Cli.Glance;
using NovaImage.Cli.Output;
using static NovaImage.Cli.Commands.CommonArguments;

namespace NovaImage.Cli.Commands;

/// <summary>
/// <c>novaimage image import</c>: Glance's interoperable import (v2.6+) with every method: glance-direct (stages a
/// file first), web-download, copy-image and glance-download. <c>--wait</c> polls until the import has finished.
/// </summary>
internal static class ImageImportCommand
{
    private const string GlanceDirect = "glance-direct";
    private const string WebDownload = "web-download";
    private const string CopyImage = "copy-image";
    private const string GlanceDownload = "glance-download";

    public static Command Create()
    {
        var id = ImageId();
        var method = new Option<string>("--method") { Description = "glance-direct, web-download, copy-image or glance-download", Required = true };
        method.AcceptOnlyFromAmong(GlanceDirect, WebDownload, CopyImage, GlanceDownload);
        var file = new Option<FileInfo>("--file") { Description = "glance-direct: the file to stage and import" };
        var uri = new Option<string>("--uri") { Description = "web-download: the http(s) URL Glance fetches", HelpName = "URL" };
        uri.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } text && !(Uri.TryCreate(text, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https"))
                result.AddError($"--uri must be an absolute http or https URL, not '{text}'");
        });
        var remoteImage = new Option<string>("--remote-image") { Description = "glance-download: the image ID in the other region" };
        var remoteRegion = new Option<string>("--remote-region") { Description = "glance-download: the other region" };
        var remoteInterface = new Option<string>("--remote-service-interface") { Description = "glance-download: the other Glance's interface (default public)" };
        var stores = new Option<string[]>("--store") { Description = "Target store (repeatable; copy-image needs at least one unless --all-stores)", Arity = ArgumentArity.OneOrMore };
        var allStores = new Option<bool>("--all-stores") { Description = "Import to every store" };
        var allowFailure = new Option<bool>("--allow-failure") { Description = "Succeed even if some stores fail (all_stores_must_succeed=false)" };
        var wait = new Option<bool>("--wait") { Description = "Wait until the import has finished and show the image" };
        var timeout = new Option<int>("--timeout") { Description = "With --wait: give up after this many seconds", DefaultValueFactory = _ => 300 };
        var command = new Command("import", "Import data into an image (interoperable import, v2.6+)")
            { id, method, file, uri, remoteImage, remoteRegion, remoteInterface, stores, allStores, allowFailure, wait, timeout };
        command.WithOutputOptions();
        command.Validators.Add(result =>
        {
            switch (result.GetValue(method))
            {
                case GlanceDirect when result.GetValue(file) is null: result.AddError("--method glance-direct needs --file"); break;
                case WebDownload when result.GetValue(uri) is null: result.AddError("--method web-download needs --uri"); break;
                case CopyImage when (result.GetValue(stores) ?? []).Length == 0 && !result.GetValue(allStores): result.AddError("--method copy-image needs --store or --all-stores"); break;
                case GlanceDownload when result.GetValue(remoteImage) is null || result.GetValue(remoteRegion) is null: result.AddError("--method glance-download needs --remote-image and --remote-region"); break;
            }
        });
        CommandActions.Set(command, async (context, cancellationToken) =>
        {
            // Looked up before anything is staged: a name must not cost an upload that Glance refuses.
            var imageId = (await ImageFinder.OnImageAsync(context, context.Get(id), image => context.Images.GetImageAsync(image, cancellationToken), cancellationToken)).Id;
            var chosen = context.Get(method);
            if (chosen == GlanceDirect)
            {
                var data = context.Get(file);
                if (!data.Exists) throw new UsageException($"--file {data.FullName} does not exist");
                await context.Console.TransferAsync($"stage {data.Name}", data.Length, async progress =>
                {
                    await using var stream = data.OpenRead();
                    await context.Images.StageAsync(imageId, stream, new UploadOptions { Progress = progress, Size = stream.CanSeek ? stream.Length : null }, cancellationToken);
                    return true;
                });
            }
            await context.Images.ImportAsync(imageId, new ImageImport
            {
                Method = chosen,
                Uri = chosen == WebDownload ? new Uri(context.Get(uri)) : null,
                GlanceImageId = chosen == GlanceDownload ? context.Get(remoteImage) : null,
                GlanceRegion = chosen == GlanceDownload ? context.Get(remoteRegion) : null,
                GlanceServiceInterface = chosen == GlanceDownload ? context.Get(remoteInterface) : null,
                Stores = context.Get(stores) ?? [],
                AllStores = context.Get(allStores) ? true : null,
                AllStoresMustSucceed = context.Get(allowFailure) ? false : null,
            }, cancellationToken);

            if (!context.Get(wait))
            {
                ImageCommands.Done(context, "import", imageId, $"Import of image {imageId} started ({chosen}); 'novaimage image show {imageId}' shows its progress", chosen);
                return;
            }
            context.Console.Status($"Import of image {imageId} started ({chosen}); waiting for it to finish");
            await ImageCommands.WriteImageAsync(context, await WaitAsync(context.Images, imageId, context.Get(stores) ?? [], TimeSpan.FromSeconds(context.Get(timeout)), cancellationToken), cancellationToken);
        });
        return command;
    }

    /// <summary>
    /// Polls until the image is active, no store is still importing and every requested store holds the data
    /// (Glance marks a copy-image as importing only once its task runs, so the first poll may look finished);
    /// fails as soon as Glance reports failed stores.
    /// </summary>
    private static async Task<Image> WaitAsync(IImageApi images, string imageId, IReadOnlyList<string> stores, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var image = await images.GetImageAsync(imageId, cancellationToken);
            var failed = image.Properties.GetValueOrDefault("os_glance_failed_import");
            if (!string.IsNullOrEmpty(failed))
                throw new ImportFailedException($"import of image {imageId} failed for store(s) {failed} (status {image.Status})");
            var importing = image.Properties.GetValueOrDefault("os_glance_importing_to_stores");
            var held = (image.Stores ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (image.Status is ImageStatus.Active && string.IsNullOrEmpty(importing) && stores.All(held.Contains)) return image;
            if (image.Status is ImageStatus.Killed or ImageStatus.Deleted)
                throw new ImportFailedException($"import of image {imageId} failed (status {image.Status})");
            if (DateTimeOffset.UtcNow > deadline)
                throw new ImportFailedException($"import of image {imageId} did not finish within {timeout.TotalSeconds:0} s (status {image.Status})");
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }
}
