namespace NovaImage.Cli.Glance;

/// <summary>
/// An image named on the command line by id or by name, as <c>openstack image</c> takes them: the argument is tried as
/// an id first (an image with that id wins over one with that name, and no request is spent on a lookup); when Glance
/// says no image has that id, it is looked up as a name among the images the caller lists by default, and must name
/// exactly one of them.
/// </summary>
internal static class ImageFinder
{
    /// <summary>Runs <paramref name="operation"/> on the image <paramref name="idOrName"/> names; returns its result.</summary>
    /// <exception cref="AmbiguousImageNameException">Several images have that name (usage error: give the id).</exception>
    /// <exception cref="ImageNotFoundException">No image has that id or that name (Glance's own 404 for the id).</exception>
    public static async Task<T> OnImageAsync<T>(CommandContext context, string idOrName, Func<string, Task<T>> operation, CancellationToken cancellationToken)
    {
        try
        {
            return await operation(idOrName);
        }
        catch (ImageNotFoundException notFound) when (notFound.ImageId is null || notFound.ImageId == idOrName)
        {
            var matches = await context.Images.ListImagesAsync(new ImageQuery { Names = [idOrName] }, cancellationToken).ToListAsync(cancellationToken);
            if (matches.Count == 0) throw;
            if (matches.Count > 1) throw new AmbiguousImageNameException(idOrName, matches);
            return await operation(matches[0].Id);
        }
    }

    /// <inheritdoc cref="OnImageAsync{T}"/>
    public static Task OnImageAsync(CommandContext context, string idOrName, Func<string, Task> operation, CancellationToken cancellationToken) =>
        OnImageAsync(context, idOrName, async id =>
        {
            await operation(id);
            return id;
        }, cancellationToken);
}
