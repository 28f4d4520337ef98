using NovaImage.Cli;

return await CliApplication.RunAsync(args);
