using System.Net;
using System.Text.Json;
using NovaImage.TestSupport;
using NovaImage.V2;

namespace NovaImage.Tests.V2;

/// <summary>/v2/tasks: create, list with next links, show; refused to a non-admin.</summary>
public sealed class TaskTests : GlanceV2TestBase
{
    [Fact]
    public async Task Admin_creates_lists_pages_and_shows_tasks()
    {
        var input = JsonSerializer.SerializeToElement(new Dictionary<string, JsonElement>
        {
            ["import_from"] = JsonSerializer.SerializeToElement("http://127.0.0.1:1/none.raw", GlanceV2JsonContext.Default.String),
            ["import_from_format"] = JsonSerializer.SerializeToElement("raw", GlanceV2JsonContext.Default.String),
            ["image_properties"] = JsonSerializer.SerializeToElement(new Dictionary<string, JsonElement>
            {
                ["name"] = JsonSerializer.SerializeToElement(Unique("task-image"), GlanceV2JsonContext.Default.String),
            }, TestJsonContext.Default.DictionaryStringJsonElement),
        }, TestJsonContext.Default.DictionaryStringJsonElement);

        var created = new List<GlanceTask>();
        for (var i = 0; i < 3; i++)
        {
            created.Add(await Admin.CreateTaskAsync(new GlanceTaskCreate { Type = "import", Input = input }));
        }

        Assert.All(created, t => Assert.Equal("import", t.Type));
        Assert.All(created, t => Assert.Equal(GlanceIdentity.Admin.ProjectId, t.Owner));
        var shown = await Admin.GetTaskAsync(created[0].Id);
        Assert.Equal(created[0].Id, shown.Id);
        Assert.Equal("http://127.0.0.1:1/none.raw", shown.Input!.Value.GetProperty("import_from").GetString());
        Assert.Equal($"/v2/tasks/{created[0].Id}", shown.Self);

        // page through the admin's tasks two at a time until the three new ones have been seen
        var seen = new HashSet<string>();
        var page = await Admin.ListTasksAsync(limit: 2, type: "import", sortKey: "created_at", sortDir: "desc");
        var pages = 1;
        while (true)
        {
            Assert.True(page.Tasks.Count <= 2);
            seen.UnionWith(page.Tasks.Select(t => t.Id));
            if (page.Next is null || created.All(t => seen.Contains(t.Id)))
            {
                break;
            }

            page = await Admin.ListTasksNextPageAsync(GlanceV2Client.ResolveLink(GlanceServer.Endpoint, page.Next));
            pages++;
        }

        Assert.True(pages >= 2);
        Assert.Superset(created.Select(t => t.Id).ToHashSet(), seen);

        // the tasks end (the source is unreachable); remove any image they made
        foreach (var task in created)
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while ((await Admin.GetTaskAsync(task.Id)).Status is "pending" or "processing" && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }

        foreach (var leftover in (await Admin.ListImagesAsync(name: GlanceListFilter.Equal(Unique("task-image")), visibility: "all")).Images)
        {
            Track(leftover.Id);
        }
    }

    [Fact]
    public async Task Tasks_are_admin_only()
    {
        await ExpectErrorAsync(HttpStatusCode.Forbidden, () => Owner.ListTasksAsync());
        await ExpectErrorAsync(HttpStatusCode.Forbidden, () => Owner.CreateTaskAsync(new GlanceTaskCreate
        {
            Type = "import",
            Input = JsonSerializer.SerializeToElement(new Dictionary<string, JsonElement>(), TestJsonContext.Default.DictionaryStringJsonElement),
        }));
    }
}
