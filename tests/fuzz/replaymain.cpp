// The normal build's stand-in for libFuzzer: runs a fuzz target's
// LLVMFuzzerTestOneInput once on every file of the directories (or files)
// named on the command line, so every input the fuzzers ever kept, and every
// crash they ever found, is replayed by the ordinary test suite without clang.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv);
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace {

bool replay(const std::filesystem::path &file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "replay: cannot read %s\n", file.c_str());
        return false;
    }
    const std::vector<char> bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    // A copy of exactly the input's size, as libFuzzer gives it, so that
    // AddressSanitizer (when the normal build has it) sees any overread.
    const std::vector<uint8_t> input(bytes.begin(), bytes.end());
    LLVMFuzzerTestOneInput(input.data(), input.size());
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    LLVMFuzzerInitialize(&argc, &argv);
    int replayed = 0;
    bool ok = true;
    for (int i = 1; i < argc; ++i) {
        const std::filesystem::path path(argv[i]);
        std::error_code error;
        if (std::filesystem::is_regular_file(path, error)) {
            ok = replay(path) && ok;
            ++replayed;
            continue;
        }
        if (!std::filesystem::is_directory(path, error)) {
            std::fprintf(stderr, "replay: %s is neither a file nor a directory\n", argv[i]);
            ok = false;
            continue;
        }
        std::vector<std::filesystem::path> files;
        for (const auto &entry : std::filesystem::directory_iterator(path)) {
            // Dot files (.gitkeep) are not inputs.
            if (entry.is_regular_file() && entry.path().filename().string().front() != '.')
                files.push_back(entry.path());
        }
        std::sort(files.begin(), files.end()); // a stable order, so a failure names the same input every run
        for (const auto &file : files) {
            ok = replay(file) && ok;
            ++replayed;
        }
    }
    std::printf("replayed %d inputs\n", replayed);
    if (replayed == 0) {
        std::fprintf(stderr, "replay: no inputs found: the corpus is missing\n");
        return 1;
    }
    return ok ? 0 : 1;
}
