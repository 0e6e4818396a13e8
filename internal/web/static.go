package web

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"

	"github.com/gin-gonic/gin"

	assets "copydesk/web"
)

// staticFiles serves web/static under content-hashed names (app.3f2a1b9c.js), so
// that browsers may cache them for a year and still see every new version.
type staticFiles struct {
	urls  map[string]string // plain name -> /static/hashed name
	files map[string]staticFile
}

type staticFile struct {
	body []byte
	mime string
}

func loadStatic() (*staticFiles, error) {
	sf := &staticFiles{urls: map[string]string{}, files: map[string]staticFile{}}
	err := fs.WalkDir(assets.Static, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := assets.Static.ReadFile(p)
		if err != nil {
			return err
		}
		name := strings.TrimPrefix(p, "static/")
		sum := sha256.Sum256(body)
		ext := path.Ext(name)
		hashed := strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:5]) + ext
		sf.urls[name] = "/static/" + hashed
		sf.files[hashed] = staticFile{body: body, mime: mime.TypeByExtension(ext)}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load static files: %w", err)
	}
	return sf, nil
}

// url returns the hashed URL of a static file; templates call it as asset.
func (sf *staticFiles) url(name string) string {
	if u, ok := sf.urls[name]; ok {
		return u
	}
	return "/static/missing/" + name
}

// serve handles GET /static/{hashed name}.
func (sf *staticFiles) serve(c *gin.Context) {
	f, ok := sf.files[strings.TrimPrefix(c.Param("file"), "/")]
	if !ok {
		c.AbortWithStatus(http.StatusNotFound)
		return
	}
	c.Header("Cache-Control", "public, max-age=31536000, immutable")
	c.Data(http.StatusOK, f.mime, f.body)
}
