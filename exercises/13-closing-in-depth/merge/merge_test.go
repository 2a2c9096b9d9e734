package merge

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/synctest"
	"time"
)

// Inside synctest.Test the clock is fake and moves only when every
// goroutine waits: the times below are exact.

// event is something the consumer saw: a value, or the close.
type event struct {
	What string
	At   time.Duration
}

func (e event) String() string { return fmt.Sprintf("%s@%v", e.What, e.At) }

// producer sends value i of vals at time at[i] after start (all channels
// unbuffered), then closes its channel.
func producer(start time.Time, vals []string, at []time.Duration) <-chan string {
	ch := make(chan string)
	go func() {
		defer close(ch)
		for i, v := range vals {
			time.Sleep(time.Until(start.Add(at[i])))
			ch <- v
		}
	}()
	return ch
}

// consume records when each value arrives, and when the close is seen.
func consume(start time.Time, out <-chan string) []event {
	var got []event
	for v := range out {
		got = append(got, event{v, time.Since(start)})
	}
	return append(got, event{"closed", time.Since(start)})
}

func TestEachValueOnTime(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		a := producer(start, []string{"a1", "a2"}, []time.Duration{1 * time.Second, 3 * time.Second})
		b := producer(start, []string{"b1", "b2"}, []time.Duration{2 * time.Second, 4 * time.Second})
		c := producer(start, nil, nil) // closed at once
		got := consume(start, Merge(a, b, c))
		want := []event{{"a1", 1 * time.Second}, {"b1", 2 * time.Second}, {"a2", 3 * time.Second}, {"b2", 4 * time.Second}, {"closed", 4 * time.Second}}
		if !slices.Equal(got, want) {
			t.Fatalf("a sends a1 at 1s and a2 at 3s, b sends b1 at 2s and b2 at 4s, c sends nothing.\n"+
				"The consumer saw   %v\nbut it should see   %v\n"+
				"Every value must be passed on when it is sent, whatever the other inputs do; the merged\n"+
				"channel closes when the last input is closed and drained: at 4s, not earlier, not later.",
				got, want)
		}
	})
}

func TestSlowFirstInput(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		slow := producer(start, []string{"slow"}, []time.Duration{10 * time.Second})
		fast := producer(start, []string{"f1", "f2", "f3"}, []time.Duration{time.Second, 2 * time.Second, 3 * time.Second})
		got := consume(start, Merge(slow, fast))
		want := []event{{"f1", time.Second}, {"f2", 2 * time.Second}, {"f3", 3 * time.Second}, {"slow", 10 * time.Second}, {"closed", 10 * time.Second}}
		if !slices.Equal(got, want) {
			t.Fatalf("slow sends at 10s; fast sends f1, f2, f3 at 1s, 2s, 3s.\n"+
				"The consumer saw   %v\nbut it should see   %v\n"+
				"A slow input must not hold up a fast one.", got, want)
		}
	})
}

func TestNoInputs(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		got := consume(time.Now(), Merge[string]())
		if want := []event{{"closed", 0}}; !slices.Equal(got, want) {
			t.Fatalf("Merge() with no inputs: the consumer saw %v; want %v (closed at once)", got, want)
		}
	})
}

// TestAllValues runs for real, without a fake clock: many inputs, many
// values, checked for each input's order.
func TestAllValues(t *testing.T) {
	var inputs []<-chan string
	for i := range 4 {
		ch := make(chan string)
		go func() {
			defer close(ch)
			for j := range 3 {
				ch <- fmt.Sprintf("%c%d", 'a'+i, j)
			}
		}()
		inputs = append(inputs, ch)
	}
	var got []string
	for v := range Merge(inputs...) {
		got = append(got, v)
	}
	if len(got) != 12 {
		t.Fatalf("4 inputs of 3 values each: Merge passed on %d values, %v; want all 12", len(got), got)
	}
	for i := range 4 {
		var mine []string
		for _, v := range got {
			if v[0] == byte('a'+i) {
				mine = append(mine, v)
			}
		}
		want := []string{fmt.Sprintf("%c0", 'a'+i), fmt.Sprintf("%c1", 'a'+i), fmt.Sprintf("%c2", 'a'+i)}
		if !slices.Equal(mine, want) {
			t.Fatalf("input %c sent %s, but its values came out as %s: the values of one input must keep their order",
				'a'+i, strings.Join(want, " "), strings.Join(mine, " "))
		}
	}
}
