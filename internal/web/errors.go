package web

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"

	"copydesk/internal/review"
	"copydesk/internal/store"
)

// errorBody is every API error: {"error": "message"}.
type errorBody struct {
	Error string `json:"error"`
}

func abortJSON(c *gin.Context, status int, msg string) {
	c.AbortWithStatusJSON(status, errorBody{Error: msg})
}

func tooLarge(n int64) string {
	return fmt.Sprintf("the request body is larger than the limit of %d bytes", n)
}

// fail answers with the status that err calls for. what names the thing looked up,
// for the 404 message. Messages come from review.Error or are fixed here: an
// internal error's text is logged, never sent.
func (s *server) fail(c *gin.Context, err error, what string) {
	var pub *review.Error
	switch {
	case errors.As(err, &pub) && errors.Is(err, review.ErrMalformed):
		abortJSON(c, http.StatusBadRequest, pub.Message())
	case errors.As(err, &pub) && errors.Is(err, review.ErrForbidden):
		abortJSON(c, http.StatusForbidden, pub.Message())
	case errors.As(err, &pub) && errors.Is(err, review.ErrNotReady):
		abortJSON(c, http.StatusConflict, pub.Message())
	case errors.As(err, &pub):
		abortJSON(c, http.StatusUnprocessableEntity, pub.Message())
	case errors.Is(err, store.ErrNotFound):
		abortJSON(c, http.StatusNotFound, what+" not found")
	case errors.Is(err, store.ErrConflict):
		abortJSON(c, http.StatusConflict, "the data changed since it was read; read it again")
	case errors.Is(err, c.Request.Context().Err()) && c.Request.Context().Err() != nil:
		s.log.Info("request cancelled", "path", c.Request.URL.Path)
		c.Abort()
	default:
		s.log.Error("request failed", "method", c.Request.Method, "path", c.Request.URL.Path, "err", err)
		abortJSON(c, http.StatusInternalServerError, "internal error")
	}
}

// publicText is the message of a rule's refusal as shown on a page.
func (s *server) publicText(c *gin.Context, e *review.Error) string {
	return e.Localize(localizer(c))
}

func isNotFound(err error) bool { return errors.Is(err, store.ErrNotFound) }

func isMalformed(err error) bool { return errors.Is(err, review.ErrMalformed) }
