using System.CommandLine;
using NovaImage.Cli.Glance;
using static NovaImage.Cli.Commands.CommonArguments;

namespace NovaImage.Cli.Commands;

/// <summary><c>novaimage image tag add|remove</c>.</summary>
internal static class ImageTagCommands
{
    public static Command Create()
    {
        var tag = new Command("tag", "Add or remove image tags (v2)");
        tag.Subcommands.Add(Change("add", "Add a tag to an image", (api, id, t, ct) => api.AddTagAsync(id, t, ct), "Added tag {0} to image {1}"));
        tag.Subcommands.Add(Change("remove", "Remove a tag from an image", (api, id, t, ct) => api.RemoveTagAsync(id, t, ct), "Removed tag {0} from image {1}"));
        return tag;
    }

    private static Command Change(string name, string description, Func<IImageApi, string, string, CancellationToken, Task> change, string message)
    {
        var id = ImageId();
        var tag = new Argument<string>("tag") { Description = "The tag" };
        var command = new Command(name, description) { id, tag };
        CommandActions.Set(command, async (context, cancellationToken) =>
        {
            var imageId = await ImageFinder.OnImageAsync(context, context.Get(id), async image =>
            {
                await change(context.Images, image, context.Get(tag), cancellationToken);
                return image;
            }, cancellationToken);
            ImageCommands.Done(context, $"tag-{name}", imageId, string.Format(System.Globalization.CultureInfo.InvariantCulture, message, context.Get(tag), imageId), context.Get(tag));
        });
        return command;
    }
}
