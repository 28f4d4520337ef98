using System.CommandLine;
using NovaImage.Cli.Glance;
using NovaImage.Cli.Output;
using static NovaImage.Cli.Commands.CommonArguments;

namespace NovaImage.Cli.Commands;

/// <summary><c>novaimage image member add|remove|list|accept|reject</c>: sharing an image with projects.</summary>
internal static class ImageMemberCommands
{
    public static Command Create()
    {
        var member = new Command("member", "Share an image with other projects");
        member.Subcommands.Add(List());
        member.Subcommands.Add(WithResult("add", "Share the image with a project (the member then accepts or rejects it)",
            (api, id, project, ct) => api.AddMemberAsync(id, project, ct)));
        member.Subcommands.Add(Remove());
        member.Subcommands.Add(WithResult("accept", "Accept a shared image, as the member project (v2)",
            (api, id, project, ct) => api.SetMemberStatusAsync(id, project, MemberStatus.Accepted, ct)));
        member.Subcommands.Add(WithResult("reject", "Reject a shared image, as the member project (v2)",
            (api, id, project, ct) => api.SetMemberStatusAsync(id, project, MemberStatus.Rejected, ct)));
        return member;
    }

    private static Command List()
    {
        var id = ImageId();
        var command = new Command("list", "List the projects an image is shared with") { id }.WithOutputOptions();
        CommandActions.Set(command, async (context, cancellationToken) =>
        {
            var members = (await ImageFinder.OnImageAsync(context, context.Get(id), image => context.Images.ListMembersAsync(image, cancellationToken), cancellationToken)).ToList();
            if (!context.Console.TryWriteJson(members, CliJsonContext.Default.ListImageMember)) context.Console.Write(ImageRendering.Members(members));
        });
        return command;
    }

    private static Command Remove()
    {
        var id = ImageId();
        var project = MemberId();
        var command = new Command("remove", "Stop sharing the image with a project") { id, project };
        CommandActions.Set(command, async (context, cancellationToken) =>
        {
            var imageId = await ImageFinder.OnImageAsync(context, context.Get(id), async image =>
            {
                await context.Images.RemoveMemberAsync(image, context.Get(project), cancellationToken);
                return image;
            }, cancellationToken);
            ImageCommands.Done(context, "member-remove", imageId, $"Removed member {context.Get(project)} from image {imageId}", context.Get(project));
        });
        return command;
    }

    private static Command WithResult(string name, string description, Func<IImageApi, string, string, CancellationToken, Task<ImageMember>> change)
    {
        var id = ImageId();
        var project = MemberId();
        var command = new Command(name, description) { id, project }.WithOutputOptions();
        CommandActions.Set(command, async (context, cancellationToken) =>
        {
            var member = await ImageFinder.OnImageAsync(context, context.Get(id), image => change(context.Images, image, context.Get(project), cancellationToken), cancellationToken);
            if (!context.Console.TryWriteJson(member, CliJsonContext.Default.ImageMember)) context.Console.Write(ImageRendering.Members([member]));
        });
        return command;
    }
}
