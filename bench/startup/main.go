// Command startup times commands from process start to exit, in
// interleaved rounds: each round runs every command once (in a rotated
// order, so none always goes first after the same neighbour), so a drift
// in machine load hits all alike. It prints each command's median wall
// time, its ratio to the first command's median, and the median of the
// per-round ratios (the steadier figure on a shared machine), and its
// median count of minor page faults: on a virtual machine each costs
// microseconds, so a larger binary or heap shows there first.
// bench/startup.sh uses it for one article against a hello-world,
// bench/corpus-vs.sh for the corpus against another revision.
//
// Commands are separated by "--"; each runs with stdout and stderr
// discarded, and any exit code is accepted (articlelint exits 1 on
// findings). A command that fails to start stops the run.
//
//	startup -rounds 200 -names hello,article -- ./hello -- ./articlelint a.txt
//
// With -limit R it exits 1 when the last command's median per-round ratio
// to the first is above R. With -pair A/B it also prints command A's median
// per-round ratio to command B (named by -names), and with -pairlimit R
// exits 1 when that is above R.
//
// With -inittrace N, it instead runs the last command N times with
// GODEBUG=inittrace=1 and prints the packages whose initialisation takes
// the longest (median over the runs) and the median total.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"time"
)

func main() {
	rounds := flag.Int("rounds", 200, "interleaved rounds (each runs every command once)")
	warmup := flag.Int("warmup", 10, "untimed rounds first")
	names := flag.String("names", "", "comma-separated names for the commands (default: their first words)")
	inittrace := flag.Int("inittrace", 0, "instead of timing, run the last command this many times with GODEBUG=inittrace=1 and summarise")
	top := flag.Int("top", 12, "packages to list with -inittrace")
	limit := flag.Float64("limit", 0, "exit 1 when the last command's median per-round ratio to the first is above this")
	pair := flag.String("pair", "", "A/B: also print command A's median per-round ratio to command B (by name)")
	pairLimit := flag.Float64("pairlimit", 0, "exit 1 when the -pair ratio is above this")
	flag.Parse()
	cmds := split(flag.Args())
	if len(cmds) == 0 {
		fmt.Fprintln(os.Stderr, "usage: startup [flags] -- CMD ARGS... [-- CMD ARGS...]")
		os.Exit(2)
	}
	if *inittrace > 0 {
		if err := trace(cmds[len(cmds)-1], *inittrace, *top); err != nil {
			fmt.Fprintln(os.Stderr, "startup:", err)
			os.Exit(1)
		}
		return
	}
	given := strings.Split(*names, ",")
	labels := make([]string, len(cmds))
	for i, c := range cmds {
		labels[i] = c[0]
		if i < len(given) && given[i] != "" {
			labels[i] = given[i]
		}
	}
	times := make([][]float64, len(cmds))  // ms, per command per round
	faults := make([][]float64, len(cmds)) // minor page faults, likewise
	for r := -*warmup; r < *rounds; r++ {
		for k := range cmds {
			i := (k + r + *warmup) % len(cmds)
			d, flt, err := once(cmds[i], nil)
			if err != nil {
				fmt.Fprintln(os.Stderr, "startup:", err)
				os.Exit(1)
			}
			if r >= 0 {
				times[i] = append(times[i], float64(d.Microseconds())/1000)
				faults[i] = append(faults[i], float64(flt))
			}
		}
	}
	base := median(times[0])
	var last float64
	fmt.Printf("%-12s %10s %10s %10s %7s %s\n", "command", "median ms", "p10 ms", "p90 ms", "faults", "ratio to "+labels[0])
	for i := range cmds {
		ratios := make([]float64, *rounds)
		for r := range ratios {
			ratios[r] = times[i][r] / times[0][r]
		}
		s := slices.Sorted(slices.Values(times[i]))
		last = median(ratios)
		fmt.Printf("%-12s %10.2f %10.2f %10.2f %7.0f %.2fx of medians, %.2fx median of per-round ratios\n",
			labels[i], median(times[i]), s[len(s)/10], s[len(s)*9/10], median(faults[i]), median(times[i])/base, median(ratios))
	}
	fmt.Printf("(%d interleaved rounds after %d warm-up rounds)\n", *rounds, *warmup)
	over := false // a limit was passed
	if *pair != "" {
		a, b, _ := strings.Cut(*pair, "/")
		ia, ib := slices.Index(labels, a), slices.Index(labels, b)
		if ia < 0 || ib < 0 {
			fmt.Fprintf(os.Stderr, "startup: -pair %s: no command named %q or %q\n", *pair, a, b)
			os.Exit(2)
		}
		ratios := make([]float64, *rounds)
		for r := range ratios {
			ratios[r] = times[ia][r] / times[ib][r]
		}
		ratio := median(ratios)
		verdict := ""
		if *pairLimit > 0 {
			verdict = fmt.Sprintf(", within the limit of %.2fx", *pairLimit)
			if ratio > *pairLimit {
				verdict = fmt.Sprintf(", OVER the limit of %.2fx", *pairLimit)
			}
		}
		fmt.Printf("%s: %.3fx %s, the median of per-round ratios%s\n", a, ratio, b, verdict)
		over = *pairLimit > 0 && ratio > *pairLimit
	}
	if *limit > 0 {
		verdict := "within"
		if last > *limit {
			verdict, over = "OVER", true
		}
		fmt.Printf("%s: %.3fx %s, %s the limit of %.2fx\n", labels[len(labels)-1], last, labels[0], verdict, *limit)
	}
	if over {
		os.Exit(1)
	}
}

// split cuts args at each "--" into commands.
func split(args []string) [][]string {
	var cmds [][]string
	var cur []string
	for _, a := range args {
		if a == "--" {
			if len(cur) > 0 {
				cmds = append(cmds, cur)
			}
			cur = nil
			continue
		}
		cur = append(cur, a)
	}
	if len(cur) > 0 {
		cmds = append(cmds, cur)
	}
	return cmds
}

// once runs c and returns its wall time from start to exit and its minor
// page faults. With stderr non-nil, the command's standard error is
// written there.
func once(c []string, stderr *bytes.Buffer) (time.Duration, int64, error) {
	cmd := exec.Command(c[0], c[1:]...)
	if stderr != nil {
		cmd.Stderr = stderr
		cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return 0, 0, err
	}
	err := cmd.Wait()
	d := time.Since(start)
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		return 0, 0, err
	}
	return d, minorFaults(cmd.ProcessState), nil
}

// trace runs c n times under inittrace and prints the costliest inits.
func trace(c []string, n, top int) error {
	per := map[string][]float64{}
	var totals []float64
	for range n {
		var buf bytes.Buffer
		if _, _, err := once(c, &buf); err != nil {
			return err
		}
		total := 0.0
		sc := bufio.NewScanner(&buf)
		for sc.Scan() {
			// init PKG @0.21 ms, 0.012 ms clock, 48 bytes, 1 allocs
			f := strings.Fields(sc.Text())
			if len(f) < 6 || f[0] != "init" || f[6] != "clock," {
				continue
			}
			ms, err := strconv.ParseFloat(f[4], 64)
			if err != nil {
				continue
			}
			per[f[1]] = append(per[f[1]], ms)
			total += ms
		}
		totals = append(totals, total)
	}
	type pkg struct {
		name string
		ms   float64
	}
	var pkgs []pkg
	for name, ms := range per {
		// A package missing from some runs counts 0 there.
		for len(ms) < n {
			ms = append(ms, 0)
		}
		pkgs = append(pkgs, pkg{name, median(ms)})
	}
	slices.SortFunc(pkgs, func(a, b pkg) int {
		if a.ms != b.ms {
			if a.ms > b.ms {
				return -1
			}
			return 1
		}
		return strings.Compare(a.name, b.name)
	})
	fmt.Printf("package init, median of %d runs of %s with GODEBUG=inittrace=1 (clock time; tracing adds its own)\n", n, strings.Join(c, " "))
	for _, p := range pkgs[:min(top, len(pkgs))] {
		fmt.Printf("  %7.3f ms  %s\n", p.ms, p.name)
	}
	fmt.Printf("  %7.3f ms  total over %d packages\n", median(totals), len(pkgs))
	return nil
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := slices.Sorted(slices.Values(v))
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}
