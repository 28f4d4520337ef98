using System.CommandLine;
using NovaImage.Cli.Output;
using static NovaImage.Cli.Commands.CommonArguments;

namespace NovaImage.Cli.Commands;

/// <summary><c>novaimage image ...</c>: images, their data, tags, members, imports and state.</summary>
internal static class ImageCommands
{
    public static Command Create()
    {
        var image = new Command("image", "Work with images");
        image.Subcommands.Add(List());
        image.Subcommands.Add(Show());
        image.Subcommands.Add(CreateImage());
        image.Subcommands.Add(Upload());
        image.Subcommands.Add(Download());
        image.Subcommands.Add(Update());
        image.Subcommands.Add(Delete());
        image.Subcommands.Add(ImageTagCommands.Create());
        image.Subcommands.Add(ImageMemberCommands.Create());
        image.Subcommands.Add(ImageImportCommand.Create());
        image.Subcommands.Add(StateChange("deactivate", "Deactivate an image: its data can no longer be downloaded (admin, v2.3+)", (api, id, ct) => api.DeactivateAsync(id, ct)));
        image.Subcommands.Add(StateChange("reactivate", "Reactivate a deactivated image (admin, v2.3+)", (api, id, ct) => api.ReactivateAsync(id, ct)));
        return image;
    }

    private static Command List()
    {
        var names = new Option<string[]>("--name") { Description = "Only images with this name (repeatable)", Arity = ArgumentArity.OneOrMore };
        var statuses = new Option<string[]>("--status") { Description = "Only images in this status, e.g. active, queued (repeatable)", Arity = ArgumentArity.OneOrMore };
        var visibility = new Option<string>("--visibility") { Description = "public, private, shared, community, or all" };
        visibility.AcceptOnlyFromAmong("public", "private", "shared", "community", "all");
        var tags = new Option<string[]>("--tag") { Description = "Only images with this tag (repeatable: all of them)", Arity = ArgumentArity.OneOrMore };
        var owner = new Option<string>("--owner") { Description = "Only images owned by this project" };
        var properties = Properties("Only images whose property KEY equals VALUE (repeatable)");
        var sort = new Option<string[]>("--sort") { Description = "Sort key with its direction, e.g. name:asc, created_at:desc; without one, desc as Glance (repeatable)", HelpName = "KEY[:asc|desc]", Arity = ArgumentArity.OneOrMore };
        var limit = PositiveCount("--limit", "The total number of images to list, across pages (no page is requested past it)");
        var marker = new Option<string>("--marker") { Description = "Start after the image with this id (in the sort order)", HelpName = "ID" };
        var pageSize = PositiveCount("--page-size", "Images per request (paging is automatic; --limit is the total)");
        var command = new Command("list", "List images (all pages)") { names, statuses, visibility, tags, owner, properties, sort, limit, marker, pageSize };
        CommandActions.Set(command, async (context, cancellationToken) =>
        {
            var visibilityValue = context.Get(visibility);
            var query = new ImageQuery
            {
                Names = context.Get(names) ?? [],
                Statuses = (context.Get(statuses) ?? []).Select(ParseStatus).ToArray(),
                Visibility = visibilityValue is null or "all" ? null : ParseVisibility(visibilityValue),
                AllVisibilities = visibilityValue == "all",
                Tags = context.Get(tags) ?? [],
                Owner = context.Get(owner),
                Properties = ParseProperties(context.Get(properties)),
                Sort = (context.Get(sort) ?? []).Select(ParseSort).ToArray(),
                PageSize = context.Get(pageSize),
                Limit = context.Get(limit),
                Marker = context.Get(marker),
            };
            var images = await context.Images.ListImagesAsync(query, cancellationToken).ToListAsync(cancellationToken);
            if (!context.Console.TryWriteJson(images, CliJsonContext.Default.ListImage)) context.Console.Write(ImageRendering.List(images));
        });
        return command;
    }

    private static Command Show()
    {
        var id = ImageId();
        var command = new Command("show", "Show an image's fields and properties") { id };
        CommandActions.Set(command, async (context, cancellationToken) =>
            WriteImage(context, await context.Images.GetImageAsync(context.Get(id), cancellationToken)));
        return command;
    }

    private static Command CreateImage()
    {
        var name = new Option<string>("--name") { Description = "Image name" };
        var diskFormat = new Option<string>("--disk-format") { Description = "raw, qcow2, vmdk, iso, ..." };
        var containerFormat = new Option<string>("--container-format") { Description = "bare, ovf, ova, ..." };
        var visibility = Visibility("public, private, shared (default) or community");
        var isProtected = new Option<bool>("--protected") { Description = "Protect the image from deletion" };
        var minDisk = new Option<int?>("--min-disk") { Description = "Minimum disk (GiB)" };
        var minRam = new Option<int?>("--min-ram") { Description = "Minimum RAM (MiB)" };
        var tags = new Option<string[]>("--tag") { Description = "Tag (repeatable)", Arity = ArgumentArity.OneOrMore };
        var properties = Properties("Property KEY=VALUE (repeatable)");
        var file = new Option<FileInfo>("--file") { Description = "Upload this file as the image's data right away" };
        var store = new Option<string>("--store") { Description = "With --file: the store to upload to (multi-store)" };
        var command = new Command("create", "Create an image, optionally uploading its data")
            { name, diskFormat, containerFormat, visibility, isProtected, minDisk, minRam, tags, properties, file, store };
        CommandActions.Set(command, async (context, cancellationToken) =>
        {
            var dataFile = context.Get(file);
            if (dataFile is { Exists: false }) throw new UsageException($"--file {dataFile.FullName} does not exist");
            var created = await context.Images.CreateImageAsync(new ImageCreate
            {
                Name = context.Get(name),
                DiskFormat = context.Get(diskFormat),
                ContainerFormat = context.Get(containerFormat),
                Visibility = ParseVisibility(context.Get(visibility)),
                Protected = context.Parse.GetResult(isProtected) is null ? null : context.Get(isProtected),
                MinDisk = context.Get(minDisk),
                MinRam = context.Get(minRam),
                Tags = context.Get(tags) ?? [],
                Properties = ParseProperties(context.Get(properties)),
            }, cancellationToken);
            if (dataFile is not null)
            {
                context.Console.Status($"Created image {created.Id}; uploading {dataFile.Name} ({dataFile.Length:N0} bytes)");
                await UploadFileAsync(context, created.Id, dataFile, context.Get(store), cancellationToken);
                created = await context.Images.GetImageAsync(created.Id, cancellationToken);
            }
            WriteImage(context, created);
        });
        return command;
    }

    private static Command Upload()
    {
        var id = ImageId();
        var file = new Argument<FileInfo>("file") { Description = "The data to upload" };
        var store = new Option<string>("--store") { Description = "The store to upload to (multi-store)" };
        var command = new Command("upload", "Upload data to a queued image") { id, file, store };
        CommandActions.Set(command, async (context, cancellationToken) =>
        {
            var dataFile = context.Get(file);
            if (!dataFile.Exists) throw new UsageException($"{dataFile.FullName} does not exist");
            await UploadFileAsync(context, context.Get(id), dataFile, context.Get(store), cancellationToken);
            WriteImage(context, await context.Images.GetImageAsync(context.Get(id), cancellationToken));
        });
        return command;
    }

    private static Command Download()
    {
        var id = ImageId();
        var file = new Option<FileInfo>("--file", "-f") { Description = "Where to write the image: a file is replaced atomically once verified, keeping its owner and mode; a symlink's target is written; a device or FIFO is written in place", Required = true };
        var noDirect = new Option<bool>("--no-direct-store") { Description = "Always download over HTTP, even when a direct-store adapter could copy the data" };
        var allowUnverified = new Option<bool>("--allow-unverified")
        {
            Description = "Write an image that has no checksum or hash (only its size, if any, can be checked); without it such an image exits 8 and nothing is written",
        };
        var verifyMd5 = new Option<bool>("--verify-md5")
        {
            Description = "Check the md5 checksum too when the image has a multihash (default: [glance] verify_md5, else only the multihash, as glanceclient and Nova do; the md5 is always checked when there is no usable multihash)",
        };
        var parallel = new Option<int>("--parallel")
        {
            Description = "Ranges fetched at once over HTTP (Glance v2, images of 64 MiB or more, written to a file); 1 for one stream",
            HelpName = "N",
            DefaultValueFactory = _ => DownloadOptions.DefaultParallelism,
        };
        parallel.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1) result.AddError($"--parallel must be at least 1, not {result.GetValueOrDefault<int>()}");
        });
        var command = new Command("download", "Download an image's data, verified against its size and hashes") { id, file, noDirect, allowUnverified, verifyMd5, parallel };
        CommandActions.Set(command, async (context, cancellationToken) =>
        {
            var destination = context.Get(file).FullName;
            var options = new DownloadOptions
            {
                AllowDirectStore = !context.Get(noDirect),
                RequireHash = !context.Get(allowUnverified),
                VerifyMd5 = context.Get(verifyMd5) ? true : null,
                Parallelism = context.Get(parallel),
            };
            var result = await context.Console.TransferAsync($"download {context.Get(id)}", null, progress =>
                context.Images.DownloadToFileAsync(context.Get(id), destination, options with { Progress = progress }, cancellationToken));
            // Warnings go to stderr whatever the output format: a script reading the JSON still sees them in its log.
            if (result.UnverifiedAlgorithm is { } skipped)
                context.Console.Warning($"image {result.ImageId}: os_hash_algo '{skipped}' cannot be computed here; only its md5 checksum was verified");
            if (result.Verification is DownloadVerification.SizeOnly or DownloadVerification.Nothing)
                context.Console.Warning($"image {result.ImageId} has no checksum or hash: its data was NOT verified ({Describe(result.Verification)})");
            if (context.Console.TryWriteJson(result, CliJsonContext.Default.DownloadResult)) return;
            var path = result.Path == DownloadPath.DirectStore ? "the direct store" : $"HTTP from {result.Server}";
            context.Console.Line($"Downloaded {result.Bytes:N0} bytes of image {result.ImageId} to {destination} via {path}" +
                (string.IsNullOrEmpty(result.Reason) ? "" : $" ({result.Reason})"));
            context.Console.Line(result.VerifiedHash is null
                ? $"Not verified: {Describe(result.Verification)}"
                : $"Verified {result.VerifiedAlgorithm}: {result.VerifiedHash}" +
                  (result.VerifiedAlgorithms.Count > 1 ? $" (and {string.Join(", ", result.VerifiedAlgorithms.Skip(1))})" : ""));
        });
        return command;
    }

    private static string Describe(DownloadVerification verification) =>
        verification == DownloadVerification.SizeOnly ? "only its size was checked" : "not even a size was checked";

    private static Command Update()
    {
        var id = ImageId();
        var name = new Option<string>("--name") { Description = "New name" };
        var diskFormat = new Option<string>("--disk-format") { Description = "New disk format" };
        var containerFormat = new Option<string>("--container-format") { Description = "New container format" };
        var visibility = Visibility("New visibility: public, private, shared or community");
        var isProtected = new Option<bool?>("--protected") { Description = "true or false" };
        var hidden = new Option<bool?>("--hidden") { Description = "Hide from default lists: true or false (v2.7+)" };
        var minDisk = new Option<int?>("--min-disk") { Description = "New minimum disk (GiB)" };
        var minRam = new Option<int?>("--min-ram") { Description = "New minimum RAM (MiB)" };
        var properties = Properties("Add or change property KEY=VALUE (repeatable)");
        var remove = new Option<string[]>("--remove-property") { Description = "Remove property KEY (repeatable)", HelpName = "KEY", Arity = ArgumentArity.OneOrMore };
        var command = new Command("update", "Change an image's fields and properties")
            { id, name, diskFormat, containerFormat, visibility, isProtected, hidden, minDisk, minRam, properties, remove };
        CommandActions.Set(command, async (context, cancellationToken) =>
        {
            var update = new ImageUpdate
            {
                Name = context.Get(name),
                DiskFormat = context.Get(diskFormat),
                ContainerFormat = context.Get(containerFormat),
                Visibility = ParseVisibility(context.Get(visibility)),
                Protected = context.Get(isProtected),
                OsHidden = context.Get(hidden),
                MinDisk = context.Get(minDisk),
                MinRam = context.Get(minRam),
                SetProperties = ParseProperties(context.Get(properties)),
                RemoveProperties = context.Get(remove) ?? [],
            };
            WriteImage(context, await context.Images.UpdateImageAsync(context.Get(id), update, cancellationToken));
        });
        return command;
    }

    private static Command Delete()
    {
        var id = ImageId();
        var command = new Command("delete", "Delete an image") { id };
        CommandActions.Set(command, async (context, cancellationToken) =>
        {
            await context.Images.DeleteImageAsync(context.Get(id), cancellationToken);
            Done(context, "delete", context.Get(id), $"Deleted image {context.Get(id)}");
        });
        return command;
    }

    private static Command StateChange(string name, string description, Func<IImageApi, string, CancellationToken, Task> change)
    {
        var id = ImageId();
        var command = new Command(name, description) { id };
        CommandActions.Set(command, async (context, cancellationToken) =>
        {
            await change(context.Images, context.Get(id), cancellationToken);
            Done(context, name, context.Get(id), $"{char.ToUpperInvariant(name[0])}{name[1..]}d image {context.Get(id)}");
        });
        return command;
    }

    internal static void WriteImage(CommandContext context, Image image)
    {
        if (!context.Console.TryWriteJson(image, CliJsonContext.Default.Image)) context.Console.Write(ImageRendering.Show(image));
    }

    /// <summary>Reports a change: <paramref name="message"/> for people, an <see cref="ActionOutput"/> for scripts.</summary>
    internal static void Done(CommandContext context, string action, string imageId, string message, string? detail = null)
    {
        if (!context.Console.TryWriteJson(new ActionOutput(action, imageId, detail), CliJsonContext.Default.ActionOutput)) context.Console.Line(message);
    }

    internal static Task<bool> UploadFileAsync(CommandContext context, string imageId, FileInfo file, string? store, CancellationToken cancellationToken) =>
        context.Console.TransferAsync($"upload {file.Name}", file.Length, async progress =>
        {
            // No Size: the library promises the opened file's length (none for a pipe), checked as the data is sent.
            await context.Images.UploadFileAsync(imageId, file.FullName, new UploadOptions { Progress = progress, Store = store }, cancellationToken);
            return true;
        });

    private static ImageStatus ParseStatus(string value) =>
        Enum.GetValues<ImageStatus>().Where(s => s != ImageStatus.Unknown).FirstOrDefault(s => ImageRendering.Words(s) == value) is var status && status != ImageStatus.Unknown
            ? status
            : throw new UsageException($"unknown --status '{value}' (one of: {string.Join(", ", Enum.GetValues<ImageStatus>().Where(s => s != ImageStatus.Unknown).Select(s => ImageRendering.Words(s)))})");

    private static SortKey ParseSort(string value)
    {
        var parts = value.Split(':', 2);
        return new SortKey(parts[0], parts.Length == 1 || parts[1] is "desc" ? SortDirection.Descending
            : parts[1] is "asc" ? SortDirection.Ascending
            : throw new UsageException($"--sort '{value}': the direction must be asc or desc"));
    }
}
