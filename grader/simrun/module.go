package simrun

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"go/version"

	"golang.org/x/mod/modfile"

	gocourse "github.com/gocourse/gocourse"
)

// ModulePath is the module that holds package sim.
const ModulePath = "github.com/gocourse/gocourse"

var (
	simOnce sync.Once
	simDir  string
	simErr  error
)

// SimModule returns a folder holding package sim as a module of its own, with no
// requirements: the source embedded in this binary, written once into the user's
// cache folder (one folder per version of the source, so binaries never disagree).
func SimModule() (string, error) {
	simOnce.Do(func() { simDir, simErr = materialise(gocourse.SimSource) })
	return simDir, simErr
}

func materialise(src fs.FS) (string, error) {
	var files []string
	h := sha256.New()
	err := fs.WalkDir(src, "sim", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == "testdata" {
				return fs.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		data, err := fs.ReadFile(src, p)
		if err != nil {
			return err
		}
		files = append(files, p)
		fmt.Fprintf(h, "%s\x00%d\x00", p, len(data))
		h.Write(data)
		return nil
	})
	if err != nil {
		return "", err
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	dir := filepath.Join(cache, "gocourse", "sim-"+hex.EncodeToString(h.Sum(nil))[:16])
	if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
		return dir, nil
	}
	// Write into a fresh folder, then rename it into place, so that two processes
	// doing this at once never see half a module.
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return "", err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dir), "tmp-sim-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	for _, p := range files {
		data, _ := fs.ReadFile(src, p)
		out := filepath.Join(tmp, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return "", err
		}
		if err := os.WriteFile(out, data, 0o444); err != nil {
			return "", err
		}
	}
	gomod := "module " + ModulePath + "\n\ngo 1.26\n"
	if err := os.WriteFile(filepath.Join(tmp, "go.mod"), []byte(gomod), 0o444); err != nil {
		return "", err
	}
	if err := os.Rename(tmp, dir); err != nil {
		if _, statErr := os.Stat(filepath.Join(dir, "go.mod")); statErr == nil {
			return dir, nil // another process won the race
		}
		return "", err
	}
	return dir, nil
}

// simGoVersion is the go line of package sim's module: the module that imports it
// must declare at least this version, or the go command wants to update its go.mod.
const simGoVersion = "1.26"

// modFiles is what the build sees of the module in place of its own go.mod and
// go.sum.
type modFiles struct {
	gomodPath, gosumPath string
	gomod, gosum         []byte // gosum nil: none
	// goVersion is the language version the module's go.mod declares when the
	// go.mod shown to the go command declares sim's newer one; "" when unchanged.
	goVersion string
}

// moduleFiles returns the go.mod and go.sum contents that let the module at modDir (or
// a synthetic module rooted at pkgDir, when there is none) import package sim from
// simDir, without touching the files on disk.
//
// A module that declares an older go line than package sim's gets sim's in the
// go.mod the build sees (the go command would otherwise insist on updating it),
// a godebug default of its own version (so the runtime's GODEBUG defaults stay
// those of the module's build), and its own version in goVersion, which the
// rewriter keeps in every file it rewrites.
func moduleFiles(pkgDir, simDir string) (*modFiles, error) {
	modDir := findModule(pkgDir)
	if modDir != "" {
		if data, err := os.ReadFile(filepath.Join(modDir, "go.mod")); err == nil && modfile.ModulePath(data) == ModulePath {
			modDir = "" // a lesson example inside this module: give it a module of its own
		}
	}
	if modDir == "" {
		return &modFiles{
			gomodPath: filepath.Join(pkgDir, "go.mod"),
			gomod:     []byte("module simtarget\n\ngo " + simGoVersion + "\n\nrequire " + ModulePath + " v0.0.0\n\nreplace " + ModulePath + " => " + simDir + "\n"),
			gosumPath: filepath.Join(pkgDir, "go.sum"),
		}, nil
	}
	gomodPath := filepath.Join(modDir, "go.mod")
	data, err := os.ReadFile(gomodPath)
	if err != nil {
		return nil, err
	}
	f, err := modfile.Parse(gomodPath, data, nil)
	if err != nil {
		return nil, err
	}
	mf := &modFiles{gomodPath: gomodPath, gosumPath: filepath.Join(modDir, "go.sum")}
	own := "1.16" // a go.mod without a go line
	if f.Go != nil {
		own = f.Go.Version
	}
	if version.Compare("go"+own, "go"+simGoVersion) < 0 {
		if version.Compare("go"+own, "go1.17") < 0 {
			// Before 1.17 a go.mod lists only direct requirements; at
			// sim's version it must list every module the build needs.
			return nil, fmt.Errorf("%s: go %s: explore needs a module that declares go 1.17 or later (the go command would have to add requirements to its go.mod)", gomodPath, own)
		}
		mf.goVersion = own
		if err := f.AddGoStmt(simGoVersion); err != nil {
			return nil, err
		}
		f.DropToolchainStmt() // it may name an older toolchain than the go line
		hasDefault := false
		for _, g := range f.Godebug {
			hasDefault = hasDefault || g.Key == "default"
		}
		if !hasDefault {
			if err := f.AddGodebug("default", version.Lang("go"+own)); err != nil {
				return nil, err
			}
		}
	}
	for _, r := range f.Replace {
		if r.Old.Path == ModulePath {
			_ = f.DropReplace(r.Old.Path, r.Old.Version)
		}
	}
	if err := f.AddRequire(ModulePath, "v0.0.0"); err != nil {
		return nil, err
	}
	if err := f.AddReplace(ModulePath, "", simDir, ""); err != nil {
		return nil, err
	}
	f.Cleanup()
	if mf.gomod, err = f.Format(); err != nil {
		return nil, err
	}
	mf.gosum, _ = os.ReadFile(mf.gosumPath)
	return mf, nil
}

// findModule returns the folder of the go.mod that governs dir, or "".
func findModule(dir string) string {
	for d := dir; ; {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return ""
		}
		d = parent
	}
}
