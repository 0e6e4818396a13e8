package web

import (
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/http"

	"github.com/gin-gonic/gin"

	"copydesk/internal/formats"
	"copydesk/internal/review"
)

// isMultipart reports whether the request carries a multipart/form-data body.
func isMultipart(c *gin.Context) bool {
	mt, _, err := mime.ParseMediaType(c.GetHeader("Content-Type"))
	return err == nil && mt == "multipart/form-data"
}

// createFromUpload handles POST /api/v1/documents sent as multipart/form-data
// with the fields title, source_lang, target_lang and either
//   - source_file and target_file: an article and its translation, aligned on
//     import; format (text, markdown, html) or else the source file's extension
//     says how to read them; or
//   - file: a bilingual file, read by its extension (.jsonl, .tsv, .csv, .xlf,
//     .xliff, .tmx); XLIFF and TMX name their languages when the fields do not.
func (s *server) createFromUpload(c *gin.Context) {
	// The body limit of the route bounds the whole upload; parts beyond 32 MiB
	// in memory go to temporary files that the request removes.
	if err := c.Request.ParseMultipartForm(32 << 20); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			abortJSON(c, http.StatusRequestEntityTooLarge, tooLarge(tooBig.Limit))
			return
		}
		abortJSON(c, http.StatusBadRequest, "the multipart body could not be read")
		return
	}
	mf := c.Request.MultipartForm
	field := func(name string) string {
		if v := mf.Value[name]; len(v) > 0 {
			return v[0]
		}
		return ""
	}
	file := func(name string) *multipart.FileHeader {
		if fs := mf.File[name]; len(fs) > 0 {
			return fs[0]
		}
		return nil
	}
	u := currentUser(c)
	title, srcLang, tgtLang := field("title"), field("source_lang"), field("target_lang")
	if src, tgt := file("source_file"), file("target_file"); src != nil || tgt != nil {
		if src == nil || tgt == nil || file("file") != nil {
			abortJSON(c, http.StatusUnprocessableEntity, "send source_file and target_file together, or one bilingual file, not both")
			return
		}
		t := review.NewTexts{Title: title, SourceLang: srcLang, TargetLang: tgtLang, Format: field("format")}
		if t.Format == "" {
			t.Format = review.ArticleFormatFor(src.Filename)
		}
		var ok bool
		if t.Source, ok = readPart(c, src); !ok {
			return
		}
		if t.Target, ok = readPart(c, tgt); !ok {
			return
		}
		id, report, err := s.svc.CreateFromTexts(c.Request.Context(), &u, t)
		if err != nil {
			s.fail(c, err, "document")
			return
		}
		s.createdAligned(c, id, report)
		return
	}
	fh := file("file")
	if fh == nil {
		abortJSON(c, http.StatusUnprocessableEntity, "send a file, or source_file and target_file")
		return
	}
	format, err := formats.FormatFromFilename(fh.Filename)
	if err != nil {
		abortJSON(c, http.StatusUnprocessableEntity, err.Error())
		return
	}
	f, err := fh.Open()
	if err != nil {
		s.fail(c, err, "file")
		return
	}
	defer f.Close()
	parsed, err := formats.ParseWithLangs(f, format)
	var perr *formats.ParseError
	switch {
	case errors.As(err, &perr):
		abortJSON(c, http.StatusUnprocessableEntity, fh.Filename+": "+perr.Error())
		return
	case errors.Is(err, formats.ErrNoSegments):
		abortJSON(c, http.StatusUnprocessableEntity, fh.Filename+": the file holds no segments")
		return
	case err != nil:
		s.fail(c, err, "file")
		return
	}
	if srcLang == "" {
		srcLang = parsed.SourceLang
	}
	if tgtLang == "" {
		tgtLang = parsed.TargetLang
	}
	nd := review.NewDocument{Title: title, SourceLang: srcLang, TargetLang: tgtLang,
		Segments: review.SegmentsFromRows(parsed.Rows)}
	id, err := s.svc.CreateDocument(c.Request.Context(), u, nd)
	if err != nil {
		s.fail(c, err, "document")
		return
	}
	s.created(c, id, func(d documentJSON) any { return d })
}

// readPart reads an uploaded file whole; the route's body limit bounds it.
func readPart(c *gin.Context, fh *multipart.FileHeader) (string, bool) {
	f, err := fh.Open()
	if err != nil {
		abortJSON(c, http.StatusBadRequest, "the upload "+fh.Filename+" could not be read")
		return "", false
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		abortJSON(c, http.StatusBadRequest, "the upload "+fh.Filename+" could not be read")
		return "", false
	}
	return string(data), true
}
