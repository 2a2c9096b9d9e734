package grader

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"

	"golang.org/x/sync/errgroup"

	"github.com/gocourse/gocourse/course"
)

// Workbook is one learner's checkout to grade.
type Workbook struct {
	Name string // the learner, as reports name them
	Dir  string // the checkout's root (an absolute path)
}

// ClassOptions say how Grade grades a class.
type ClassOptions struct {
	// Options apply to every grading; their Workbook is each learner's.
	Options
	// Jobs is how many exercises are graded at once (at least 1).
	Jobs int
	// Shard and Of grade the Shard-th of Of slices (1 <= Shard <= Of) of the
	// learners, or of the exercises with ShardExercises. 0 and 0: all.
	Shard, Of int
	// ShardExercises slices the exercises into shards instead of the
	// learners: for one workbook.
	ShardExercises bool
	// Cache, if set, keeps results by content across calls (and runs, when it
	// has a folder). Without it Grade still grades identical files once.
	Cache *Cache
	// Graded, if set, is told of each result as it comes, and whether it was
	// taken from an earlier grading. It is called from one goroutine at a time.
	Graded func(w Workbook, ex *course.Exercise, res *Result, cached bool)
}

// classItem is one learner's exercise to grade.
type classItem struct {
	learner int
	ex      *course.Exercise
	opts    Options
	key     string // "" when it has no key (see Cache.Key): graded alone
	res     *Result
	cached  bool
}

// Grade grades exercises in every workbook of a class and returns each
// learner's results, in the order of workbooks and of exercises; a learner
// outside the shard has none. What has the same key (see Cache) is graded
// once: an untouched starter costs one grading per class, not one per
// learner. Grade returns an error only when ctx ends before the class is
// graded.
func Grade(ctx context.Context, c *course.Course, workbooks []Workbook, exercises []*course.Exercise, opts ClassOptions) ([][]*Result, error) {
	shard, of := opts.Shard, opts.Of
	if of == 0 && shard == 0 {
		shard, of = 1, 1
	}
	if of < 1 || shard < 1 || shard > of {
		return nil, fmt.Errorf("grade: shard %d of %d: want 1 <= shard <= of", shard, of)
	}
	cache := opts.Cache
	if cache == nil {
		var err error
		if cache, err = NewCache(""); err != nil {
			return nil, err
		}
	}
	items, groups := shardItems(ctx, c, cache, workbooks, exercises, opts, shard, of)
	gradeGroups(ctx, c, cache, workbooks, groups, opts)
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("grading interrupted: %w", err)
	}

	out := make([][]*Result, len(workbooks))
	for _, it := range items {
		out[it.learner] = append(out[it.learner], it.res)
	}
	return out, nil
}

// shardItems returns one item per learner and exercise of shard (of of), and
// the items in groups of one key: the first item of a group is graded (or
// found in the cache) and the others take its result. An item without a key
// (its files could not be read) is a group of its own.
func shardItems(ctx context.Context, c *course.Course, cache *Cache, workbooks []Workbook, exercises []*course.Exercise, opts ClassOptions, shard, of int) (items []*classItem, groups [][]*classItem) {
	byKey := map[string]int{} // key -> its group
	for li, w := range workbooks {
		if !opts.ShardExercises && li%of != shard-1 {
			continue
		}
		for ei, ex := range exercises {
			if opts.ShardExercises && ei%of != shard-1 {
				continue
			}
			o := opts.Options
			o.Workbook = w.Dir
			it := &classItem{learner: li, ex: ex, opts: o}
			items = append(items, it)
			key, ok := cache.Key(ctx, c, ex, o)
			if !ok {
				groups = append(groups, []*classItem{it})
				continue
			}
			it.key = key
			if gi, ok := byKey[key]; ok {
				groups[gi] = append(groups[gi], it)
				continue
			}
			byKey[key] = len(groups)
			groups = append(groups, []*classItem{it})
		}
	}
	return items, groups
}

// gradeGroups grades the groups, opts.Jobs at a time, and tells opts.Graded of
// each item as its group is done; it stops starting groups when ctx ends.
func gradeGroups(ctx context.Context, c *course.Course, cache *Cache, workbooks []Workbook, groups [][]*classItem, opts ClassOptions) {
	done := make(chan []*classItem)
	go func() {
		var g errgroup.Group
		g.SetLimit(max(1, opts.Jobs))
		for _, grp := range groups {
			if ctx.Err() != nil {
				break
			}
			g.Go(func() error {
				gradeGroup(ctx, c, cache, workbooks, grp)
				done <- grp
				return nil
			})
		}
		g.Wait()
		close(done)
	}()
	for grp := range done {
		if opts.Graded == nil {
			continue
		}
		for _, it := range grp {
			opts.Graded(workbooks[it.learner], it.ex, it.res, it.cached)
		}
	}
}

// gradeGroup grades the items of one key: the first is taken from the cache
// or graded, and the others share its result, unless the result names the
// first learner's workbook (a path in a message), which would be wrong for
// the others: then each is graded on its own.
func gradeGroup(ctx context.Context, c *course.Course, cache *Cache, workbooks []Workbook, grp []*classItem) {
	first := grp[0]
	if first.key == "" {
		first.res = Check(ctx, c, first.ex, first.opts)
		return
	}
	if r, ok := cache.Get(first.key); ok {
		for _, it := range grp {
			it.res, it.cached = r, true
			r, _ = cache.Get(first.key) // each learner its own copy
		}
		return
	}
	first.res = Check(ctx, c, first.ex, first.opts)
	if ctx.Err() != nil {
		return // interrupted: the result may be half a grading
	}
	if names(first.res, workbooks[first.learner].Dir) {
		for _, it := range grp[1:] {
			it.res = Check(ctx, c, it.ex, it.opts)
		}
		return
	}
	cache.Put(first.key, first.res) // an error writing the cache only costs a later grading
	for _, it := range grp[1:] {
		if r, ok := cache.Get(first.key); ok {
			it.res, it.cached = r, true
		} else {
			it.res = Check(ctx, c, it.ex, it.opts)
		}
	}
}

// names reports whether r mentions the folder dir.
func names(r *Result, dir string) bool {
	data, err := json.Marshal(r)
	if err != nil {
		return true
	}
	quoted, _ := json.Marshal(dir)
	return bytes.Contains(data, bytes.Trim(quoted, `"`))
}
