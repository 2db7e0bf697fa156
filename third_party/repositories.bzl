"""Declares every external repository. Nothing is downloaded: each one is a folder that
Debian's packages or tools/bootstrap put on the machine."""

def skua_repositories():
    # Bazel's built-in WORKSPACE suffix would download these four; declaring them first
    # keeps the build offline (see ../shared/BUILD-NOTES.md).
    native.local_repository(
        name = "platforms",
        path = "/usr/share/bazel/tools/platforms",
    )
    native.local_repository(
        name = "rules_java",
        path = "/usr/share/bazel/rules/java",
    )
    native.local_repository(
        name = "rules_cc",
        path = "third_party/rules_cc",
    )
    native.local_repository(
        name = "remote_coverage_tools",
        path = "third_party/coverage_tools",
    )

    # libnode108 + libnode-dev + node-llhttp, extracted by tools/bootstrap.
    native.new_local_repository(
        name = "sysroot",
        path = "third_party/sysroot",
        build_file = "//third_party:sysroot.BUILD",
    )
