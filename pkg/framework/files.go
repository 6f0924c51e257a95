package framework

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// CollectFiles expands paths into framework files: a file stands for itself
// and a folder for the *.yaml and *.yml files below it (hidden folders
// skipped), sorted. A path that does not exist is an error.
func CollectFiles(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("%s: no such file or folder", p)
		}
		if !st.IsDir() {
			out = append(out, p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && path != p && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			if !d.IsDir() && (strings.HasSuffix(path, ".yaml") || strings.HasSuffix(path, ".yml")) {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("%s: %v", p, err)
		}
		if len(found) == 0 {
			return nil, fmt.Errorf("%s: the folder holds no .yaml or .yml files", p)
		}
		sort.Strings(found)
		out = append(out, found...)
	}
	return out, nil
}
