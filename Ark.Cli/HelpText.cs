using Ark.Vm;

namespace Ark.Cli;

/// <summary>The text of <c>ark --help</c> and <c>ark --version</c>.</summary>
internal static class HelpText
{
    public static string Version => $"{ArkVersion.Full} ({ArkVersion.Flavour})";

    public static string Usage => $"""
        ark {ArkVersion.Full}: runs ArkScript programs ({ArkVersion.Flavour} build)

        Usage:
          ark [options] FILE [ARGS...]   run FILE; ARGS are available to it as sys:args
          ark [options] -e CODE          run the ArkScript code CODE
          ark -c FILE [-o OUT] [-L DIRS] compile FILE to bytecode (OUT, default FILE.arkc);
                                         ark runs a bytecode file like a source file
          ark -v | --version             print the version and the build flavour
          ark -h | --help                print this help

        Options:
          -L, --lib DIRS      folders searched for imported files and modules, separated by ';'
                              (default: $ARKSCRIPT_PATH, then the lib folder next to ark)
          -e, --eval CODE     run CODE instead of a file

        Imports: (import a.b) loads a/b.ark, or else the native module a/b.dll, looked up
        next to FILE, then in each library folder.

        Environment:
          ARKSCRIPT_PATH      library folders, separated by ';' (used when -L is not given)
          ARK_GIL_SWITCH_MS   GIL build only: how long a context may run while others wait (default 5)

        Exit status: 0 on success, 1 after a runtime error, 255 after a compile error,
        or the code given to sys:exit.
        """;
}
