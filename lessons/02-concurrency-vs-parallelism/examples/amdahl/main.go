// Command amdahl prints the speedup that Amdahl's law allows when a part p
// of the work can run in parallel on n cores and the rest cannot.
package main

import "fmt"

// speedup is Amdahl's law: the serial part (1-p) takes as long as ever,
// the parallel part p is divided by n.
func speedup(p float64, n int) float64 {
	return 1 / ((1 - p) + p/float64(n))
}

func main() {
	cores := []int{1, 2, 4, 8, 16, 64, 1024}
	fmt.Printf("%-10s", "parallel")
	for _, n := range cores {
		fmt.Printf("%8d", n)
	}
	fmt.Println("   cores")
	for _, p := range []float64{0.50, 0.90, 0.95, 0.99} {
		fmt.Printf("%-10s", fmt.Sprintf("%.0f%%", p*100))
		for _, n := range cores {
			fmt.Printf("%8.2f", speedup(p, n))
		}
		fmt.Printf("   (never more than %.0fx)\n", 1/(1-p))
	}
}
