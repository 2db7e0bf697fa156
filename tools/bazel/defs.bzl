"""One place for skua's C++ compile options and test wiring. Every C++ target in the
project goes through these macros."""

SKUA_COPTS = [
    "-Wall",
    "-Wextra",
    "-Wno-unused-parameter",
    "-Werror",
]

# libnode is built without RTTI: subclassing an exported V8 class needs -fno-rtti too.
SKUA_V8_COPTS = ["-fno-rtti"]

def skua_cc_library(name, copts = [], **kwargs):
    native.cc_library(name = name, copts = SKUA_COPTS + copts, **kwargs)

def skua_cc_binary(name, copts = [], **kwargs):
    native.cc_binary(name = name, copts = SKUA_COPTS + copts, **kwargs)

def skua_cc_test(name, srcs = None, deps = [], copts = [], **kwargs):
    """A GoogleTest unit test beside the code: `foo_test` builds `foo_test.cc`."""
    native.cc_test(
        name = name,
        srcs = srcs or [name + ".cc"],
        copts = SKUA_COPTS + copts,
        deps = deps + ["//third_party:gtest_main"],
        **kwargs
    )
