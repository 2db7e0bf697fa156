// CurlUvMulti on a real loop: a transfer (of a local file, so no server is needed) runs
// to its end from libuv callbacks, and an idle multi does not keep the loop alive.
#include "runtime/bindings/curl_uv_multi.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "pm/registry/libcurl_loader.h"

namespace skua::fetch_curl {
namespace {

class Recorder : public CurlUvMulti::Delegate {
 public:
  void AfterSocketAction(const std::vector<std::pair<CURL*, CURLcode>>& done) override {
    ++rounds;
    for (const auto& [easy, code] : done) {
      results.push_back(code);
      curl_multi_remove_handle(multi->multi(), easy);
      curl_easy_cleanup(easy);
    }
    if (!done.empty()) multi->SetBusy(false);
  }
  CurlUvMulti* multi = nullptr;
  std::vector<CURLcode> results;
  int rounds = 0;
};

size_t Collect(char* data, size_t size, size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

class CurlUvMultiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string error;
    ASSERT_TRUE(pm::registry::LoadLibcurl(&error)) << error;
    ASSERT_EQ(curl_global_init(CURL_GLOBAL_DEFAULT), CURLE_OK);
    ASSERT_EQ(uv_loop_init(&loop_), 0);
    multi_ = std::make_unique<CurlUvMulti>(&loop_, &recorder_);
    recorder_.multi = multi_.get();
  }
  void TearDown() override {
    // As a realm's teardown does: close every handle, then destroy the multi.
    uv_walk(&loop_, [](uv_handle_t* h, void*) { if (!uv_is_closing(h)) uv_close(h, nullptr); },
            nullptr);
    uv_run(&loop_, UV_RUN_DEFAULT);
    multi_.reset();
    EXPECT_EQ(uv_loop_close(&loop_), 0);
  }

  uv_loop_t loop_;
  Recorder recorder_;
  std::unique_ptr<CurlUvMulti> multi_;
};

TEST_F(CurlUvMultiTest, IdleMultiLetsTheLoopEnd) {
  EXPECT_EQ(uv_run(&loop_, UV_RUN_DEFAULT), 0);
  EXPECT_EQ(recorder_.rounds, 0);
}

TEST_F(CurlUvMultiTest, RunsATransferFromLoopCallbacks) {
  std::string path = ::testing::TempDir() + "/curl_uv_multi_test.txt";
  std::FILE* file = std::fopen(path.c_str(), "w");
  ASSERT_NE(file, nullptr);
  std::fputs("hello from a file", file);
  std::fclose(file);

  std::string body;
  CURL* easy = curl_easy_init();
  std::string url = "file://" + path;
  curl_easy_setopt(easy, CURLOPT_URL, url.c_str());
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, Collect);
  curl_easy_setopt(easy, CURLOPT_WRITEDATA, &body);
  multi_->SetBusy(true);
  ASSERT_EQ(curl_multi_add_handle(multi_->multi(), easy), CURLM_OK);
  EXPECT_EQ(uv_run(&loop_, UV_RUN_DEFAULT), 0);  // Returns once the delegate is done.
  EXPECT_EQ(body, "hello from a file");
  EXPECT_EQ(recorder_.results, std::vector<CURLcode>{CURLE_OK});
  std::remove(path.c_str());
}

}  // namespace
}  // namespace skua::fetch_curl
