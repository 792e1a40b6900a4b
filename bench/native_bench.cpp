// Native throughput of the bench workloads, for bench/run.mjs: reads a manifest of lines
// "id spec.json steps predictRows", prints {"id": {"f64": ops/s, "f32": ops/s, "limit": ops/s}, …}
// as JSON. One op = `steps` training steps (f64; limit: the hand-written fixed-shape step of
// limit_kernels.h, where the shape has one) or one predict over predictRows grid points (f64, f32).
// Timing as in run.mjs: calibrate to ≥ rep_ms of process CPU time per repetition, warm up, median
// of `rounds`.
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "limit_kernels.h"
#include "network.h"
#include "predict.h"
#include "spec.h"

namespace {

double cpu_ms() {
  timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

double time_ms(const std::function<void()>& op, long calls) {
  const double t0 = cpu_ms();
  for (long k = 0; k < calls; ++k) op();
  return cpu_ms() - t0;
}

double ops_per_second(const std::function<void()>& op, int rounds, double rep_ms) {
  long calls = 1;
  time_ms(op, 1);
  while (time_ms(op, calls) < rep_ms) calls *= 2;
  time_ms(op, calls);
  std::vector<double> rates;
  for (int r = 0; r < rounds; ++r) rates.push_back(calls * 1000.0 / time_ms(op, calls));
  std::sort(rates.begin(), rates.end());
  return rates[rates.size() / 2];
}

// The same n × n grid over [-1, 1]² as bench/workloads.mjs.
std::vector<double> grid(int n) {
  std::vector<double> g(2 * n * n);
  for (int r = 0; r < n; ++r)
    for (int c = 0; c < n; ++c) {
      g[2 * (r * n + c)] = -1.0 + 2.0 * c / (n - 1);
      g[2 * (r * n + c) + 1] = 1.0 - 2.0 * r / (n - 1);
    }
  return g;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: native_bench manifest.txt [rounds] [rep_ms]\n");
    return 2;
  }
  const int rounds = argc > 2 ? std::stoi(argv[2]) : 7;
  const double rep_ms = argc > 3 ? std::stod(argv[3]) : 40;
  std::ifstream manifest(argv[1]);
  std::string id, path;
  int steps = 0, predict_rows = 0;
  std::printf("{");
  const char* sep = "";
  while (manifest >> id >> path >> steps >> predict_rows) {
    std::ifstream f(path);
    std::stringstream text;
    text << f.rdbuf();
    nn::NetworkSpec spec;
    nn::Network net;
    std::string err;
    if (!nn::spec_from_text(text.str(), &spec, &err) ||
        nn::network_init(net, spec, &err) != nn::Status::Ok) {
      std::fprintf(stderr, "%s: %s\n", id.c_str(), err.c_str());
      return 1;
    }
    std::printf("%s\"%s\": {", sep, id.c_str());
    sep = ", ";
    if (predict_rows > 0) {
      int n = 1;
      while ((n + 1) * (n + 1) <= predict_rows) ++n;
      const std::vector<double> in = grid(n);
      std::vector<double> out(static_cast<size_t>(n) * n * spec.sizes.back());
      nn::PredictScratch scratch;
      const double f64 = ops_per_second(
          [&] { nn::predict(out.data(), in.data(), n * n, net, &scratch); }, rounds, rep_ms);
      const double f32 = ops_per_second(
          [&] { nn::predict_f32(out.data(), in.data(), n * n, net, &scratch); }, rounds, rep_ms);
      std::printf("\"f64\": %.6g, \"f32\": %.6g}", f64, f32);
    } else {
      int done = 0;
      const double f64 =
          ops_per_second([&] { nn::network_train(net, steps, &done); }, rounds, rep_ms);
      std::printf("\"f64\": %.6g", f64);
      nn::Network fixed = net;
      if (nn::bench::limit_train(fixed, 0) == 0) {
        const double limit =
            ops_per_second([&] { nn::bench::limit_train(fixed, steps); }, rounds, rep_ms);
        std::printf(", \"limit\": %.6g", limit);
      }
      std::printf("}");
    }
  }
  std::printf("}\n");
  return 0;
}
