"""One Bazel test per JavaScript integration test: each runs under skua through
tools/testing/run_js_test.py, isolated and in parallel."""

def skua_js_tests(name, tests, data = []):
    """`tests` are test-*.js/.mjs files and output/*.js/.mjs files (with a .out beside them).

    Every test gets all of `data` (fixtures) too. A test_suite called `name` holds them."""
    test_names = []
    for test in tests:
        test_name = test.rsplit(".", 1)[0]
        expected = [test_name + ".out"] if "/output/" in "/" + test else []
        native.sh_test(
            name = test_name,
            srcs = ["//tools/testing:run_js_test.sh"],
            args = [
                "$(location //:skua)",
                "$(location %s)" % test,
            ],
            data = [
                test,
                "//:skua",
                "//tools/testing:run_js_test.py",
            ] + expected + data,
        )
        test_names.append(":" + test_name)
    native.test_suite(name = name, tests = test_names)
