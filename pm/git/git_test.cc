// ls-remote parsing, ref picking and resolved-URL forms of git dependencies.
#include "pm/git/git.h"

#include "gtest/gtest.h"

namespace skua::pm::git {
namespace {

const char kA[] = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const char kB[] = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
const char kC[] = "cccccccccccccccccccccccccccccccccccccccc";
const char kD[] = "dddddddddddddddddddddddddddddddddddddddd";
const char kE[] = "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee";

std::vector<GitRef> Refs() {
  std::string text = std::string(kA) + "\tHEAD\n" + kA + "\trefs/heads/main\n" + kB +
                     "\trefs/heads/dev\n" + kC + "\trefs/tags/v1.0.0\n" + kD + "\trefs/tags/v1.2.0\n" +
                     kE + "\trefs/tags/v1.2.0^{}\n" + kB + "\trefs/tags/2.0.0-beta.1\n" + kA +
                     "\trefs/pull/1/head\nnot a ref line\n";
  return ParseLsRemote(text);
}

TEST(GitTest, ParsesLsRemoteLines) {
  std::vector<GitRef> refs = Refs();
  ASSERT_EQ(refs.size(), 8u);
  EXPECT_EQ(refs[0].sha, kA);
  EXPECT_EQ(refs[0].name, "HEAD");
  EXPECT_EQ(refs[5].name, "refs/tags/v1.2.0^{}");
}

TEST(GitTest, PicksHeadBranchTagAndSha) {
  std::vector<GitRef> refs = Refs();
  EXPECT_EQ(*PickRef(refs, "", ""), kA);
  EXPECT_EQ(*PickRef(refs, "dev", ""), kB);
  EXPECT_EQ(*PickRef(refs, "v1.0.0", ""), kC);
  EXPECT_EQ(*PickRef(refs, "v1.2.0", ""), kE);  // The annotated tag's commit.
  EXPECT_EQ(*PickRef(refs, kD, ""), kD);
  EXPECT_EQ(*PickRef(refs, "bbbbbbb", ""), kB);
  EXPECT_EQ(*PickRef(refs, "1234abc", ""), "1234abc");  // Resolved after a full fetch.
  Result<std::string> missing = PickRef(refs, "nosuchref", "");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("The git reference could not be found"), std::string::npos);
}

TEST(GitTest, PicksHighestTagInSemverRange) {
  std::vector<GitRef> refs = Refs();
  EXPECT_EQ(*PickRef(refs, "", "^1.0.0"), kE);
  EXPECT_EQ(*PickRef(refs, "", "~1.0.0"), kC);
  EXPECT_EQ(*PickRef(refs, "", "2.0.0-beta.1"), kB);
  EXPECT_FALSE(PickRef(refs, "", "^3").ok());
}

TEST(GitTest, RepositoryOfFileAndHostedSpecs) {
  Result<spec::DepSpec> file = spec::ResolveSpec("x", "git+file:///tmp/r#v1");
  ASSERT_TRUE(file.ok());
  Result<GitRepo> repo = RepoForSpec(*file);
  ASSERT_TRUE(repo.ok());
  EXPECT_EQ(repo->resolved_base, "git+file:///tmp/r");
  EXPECT_EQ(repo->fetch_urls, std::vector<std::string>{"file:///tmp/r"});
  for (const char* text : {"github:u/r#v1", "u/r", "git+https://github.com/u/r.git"}) {
    Result<spec::DepSpec> hosted = spec::ResolveSpec("x", text);
    ASSERT_TRUE(hosted.ok()) << text;
    Result<GitRepo> h = RepoForSpec(*hosted);
    ASSERT_TRUE(h.ok()) << text;
    EXPECT_EQ(h->resolved_base, "git+ssh://git@github.com/u/r.git") << text;
    EXPECT_EQ(h->fetch_urls[0], "https://github.com/u/r.git") << text;
  }
}

TEST(GitTest, ResolvedRoundTrip) {
  GitRepo repo{"git+file:///tmp/r", {"file:///tmp/r"}};
  std::string resolved = FormatResolved(repo, kA, "/sub");
  EXPECT_EQ(resolved, std::string("git+file:///tmp/r#") + kA + "::path:sub");
  Result<ResolvedGit> back = ParseResolved(resolved);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->sha, kA);
  EXPECT_EQ(back->subdir, "/sub");
  EXPECT_EQ(back->repo.fetch_urls, repo.fetch_urls);
  Result<ResolvedGit> hosted = ParseResolved(std::string("git+ssh://git@github.com/u/r.git#") + kB);
  ASSERT_TRUE(hosted.ok());
  EXPECT_EQ(hosted->repo.fetch_urls[0], "https://github.com/u/r.git");
  EXPECT_FALSE(ParseResolved("git+file:///tmp/r#main").ok());
  EXPECT_FALSE(IsGitResolved("https://registry.example/x/-/x-1.0.0.tgz"));
}

}  // namespace
}  // namespace skua::pm::git
