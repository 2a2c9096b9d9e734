//go:build tools

package tools

import (
	_ "github.com/fatih/color"
	_ "github.com/fsnotify/fsnotify"
	_ "github.com/rogpeppe/go-internal/testscript"
	_ "github.com/spf13/cobra"
	_ "go.uber.org/goleak"
	_ "golang.org/x/tools/go/packages"
	_ "gopkg.in/yaml.v3"
)
