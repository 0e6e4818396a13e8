package formats_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"copydesk/internal/formats"
	"copydesk/internal/tags"
)

// These tests check that independent readers parse our XLIFF 1.2, XLIFF 2.0
// and TMX exports into the same units, with the same source and target text.
// The readers are installed by .ci/deps.sh:
//   - Debian's translate-toolkit (Python module translate.storage.factory,
//     run with /usr/bin/python3) reads XLIFF 1.2 and TMX;
//   - the npm package xliff (xliff2js), in <repo>/.ci/node, reads XLIFF 2.0.
// A missing reader fails the test: it is never skipped.

const installHint = "run `bash .ci/deps.sh` at the repository root (as root it installs the Debian package " +
	"translate-toolkit and runs `npm install --prefix .ci/node xliff@6.4.0`)"

// debianPython is the interpreter that Debian's translate-toolkit package
// installs its module for; a python3 earlier on PATH (pyenv, venv) would not
// see it.
const debianPython = "/usr/bin/python3"

// translateScript prints, as JSON, [source, target] for every unit of the
// file named by argv[1], as translate-toolkit reads it, whether the unit is
// approved (null when the store has no such notion, as in TMX) and its notes
// (joined with line feeds). For XLIFF it also prints, as "tagged", the
// unit's placeables (translate-toolkit's rich text) written back as our tag
// tokens: <g id> as {id}…{/id}, <x/>, <bx/>, <ex/> as {id/}.
const translateScript = `
import json, sys
from translate.storage import factory

def tokens(rich):
    out = []
    def walk(e):
        name = type(e).__name__
        if name == "G":
            out.append("{%s}" % e.id)
        elif name in ("X", "Bx", "Ex"):
            out.append("{%s/}" % e.id)
        for s in e.sub:
            if isinstance(s, str):
                out.append(s)
            else:
                walk(s)
        if name == "G":
            out.append("{/%s}" % e.id)
    for e in rich or []:
        walk(e)
    return "".join(out)

store = factory.getobject(sys.argv[1])
xliff = type(store).__name__ == "xlifffile"
out, approved, notes, tagged = [], [], [], []
for u in store.units:
    if u.isheader():
        continue
    out.append([str(u.source) if u.source is not None else "",
                str(u.target) if u.target is not None else ""])
    approved.append(u.isapproved() if hasattr(u, "isapproved") else None)
    notes.append(u.getnotes())
    if xliff:
        tagged.append([tokens(u.rich_source), tokens(u.rich_target)])
json.dump({"class": type(store).__name__, "units": out, "approved": approved, "notes": notes,
           "tagged": tagged if xliff else None}, sys.stdout)
`

// xliff2jsScript prints, as JSON, [source, target] and the notes for every
// unit of the XLIFF 2.0 file named by argv[1] (process.argv[1] under node -e),
// as the npm package xliff's xliff2js reads it; units in groups are walked in
// order.
const xliff2jsScript = `
const fs = require("fs");
const { xliff2js } = require(process.env.XLIFF_MODULE);
const text = fs.readFileSync(process.argv[1], "utf8");
xliff2js(text, { inlineAsString: true }, (err, res) => {
  if (err) { console.error(err && err.stack || err); process.exit(1); }
  const out = [], notes = [];
  const walk = (units) => {
    for (const key of Object.keys(units)) {
      const u = units[key];
      if (!u || typeof u !== "object") continue;
      if (u.groupUnits) { walk(u.groupUnits); continue; }
      if (key === "_additionalElements") continue;
      out.push([u.source === undefined ? null : u.source, u.target === undefined ? null : u.target]);
      notes.push(u.note === undefined ? [] : [].concat(u.note));
    }
  };
  for (const file of Object.keys(res.resources || {})) walk(res.resources[file]);
  process.stdout.write(JSON.stringify({ sourceLanguage: res.sourceLanguage, targetLanguage: res.targetLanguage, units: out, notes }));
});
`

// readersArticle has tricky text: XML specials, quotes, guillemets, an
// emoji outside the BMP, leading and trailing spaces and a line break.
func readersArticle() formats.Article {
	at := time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)
	return formats.Article{
		DocumentID: 42,
		Title:      "Tom & Jerry <live>",
		SourceLang: "en-US",
		Lang:       "fr-FR",
		Segments: []formats.Segment{
			{ID: 101, Paragraph: 1, Index: 1, State: "approved",
				Source: `Tom & Jerry say "hi" <b>bold</b> isn't markup.`,
				Target: `Tom & Jerry disent « salut » <b>gras</b> n'est pas du balisage.`,
				Notes:  []string{"checked & approved"}, Created: at, Changed: at, ChangedBy: "ana"},
			{ID: 102, Paragraph: 1, Index: 2, State: "draft",
				Source: "  Leading and trailing spaces.  ",
				Target: "  Espaces au début et à la fin.  "},
			{ID: 103, Paragraph: 1, Index: 3, State: "mt",
				Source: "First line\nsecond line 🎉",
				Target: "Première ligne\nseconde ligne 🎉"},
			{ID: 201, Paragraph: 2, Index: 1, State: "rejected",
				Source: `5 > 3 && 2 < 4; 'single' "double"`,
				Target: `5 > 3 && 2 < 4 ; ‘simple’ « double » 'single'`,
				Notes:  []string{"too literal", "keep « » & <em>\nsecond \"line\""}},
			{ID: 202, Paragraph: 2, Index: 2, State: "approved",
				Source: "Emoji 👩‍💻 and «quotes» ",
				Target: " Émoji 👩‍💻 et «guillemets»"},
			{ID: 203, Paragraph: 2, Index: 3, State: "draft",
				Source: "The {1}river{/1} rose{2/}again, {3}see {4}the map{/4}{/3}.",
				Target: "La {1}rivière{/1} a monté{2/}encore, {3}voir {4}la carte{/4}{/3}.",
				Tags: []tags.Tag{{ID: 1, Kind: tags.Bold}, {ID: 2, Kind: tags.Break},
					{ID: 3, Kind: tags.Link, Href: "https://example.org/map?a=1&b=2"}, {ID: 4, Kind: tags.Italic}}},
		},
	}
}

func TestReadersTranslateToolkit(t *testing.T) {
	if _, err := os.Stat(debianPython); err != nil {
		t.Fatalf("%s not found (%v); install the Debian packages python3 and translate-toolkit: %s", debianPython, err, installHint)
	}
	if out, err := exec.Command(debianPython, "-c", "import translate.storage.factory").CombinedOutput(); err != nil {
		t.Fatalf("%s cannot import translate.storage.factory (%v):\n%s\nInstall translate-toolkit: %s", debianPython, err, out, installHint)
	}
	for _, tc := range []struct{ format, ext, class string }{
		{"xliff", ".xlf", "xlifffile"},
		{"tmx", ".tmx", "tmxfile"},
	} {
		t.Run(tc.format, func(t *testing.T) {
			a := readersArticle()
			path := writeExport(t, a, tc.format, tc.ext)
			cmd := exec.Command(debianPython, "-c", translateScript, path)
			var got struct {
				Class    string      `json:"class"`
				Units    [][2]string `json:"units"`
				Approved []*bool     `json:"approved"`
				Notes    []string    `json:"notes"`
				Tagged   [][2]string `json:"tagged"`
			}
			runJSON(t, cmd, &got)
			if got.Class != tc.class {
				t.Errorf("translate-toolkit read the %s export as %s, want %s", tc.format, got.Class, tc.class)
			}
			if tc.format == "xliff" {
				// Its plain text leaves the inline codes out; its
				// placeables are the codes, with our numbers.
				compareUnits(t, "translate-toolkit", tc.format, a, got.Units, tags.Strip)
				compareUnits(t, "translate-toolkit placeables", tc.format, a, got.Tagged, nil)
			} else {
				// TMX text includes the content of <bpt>, <ept> and
				// <ph>, which is the token itself.
				compareUnits(t, "translate-toolkit", tc.format, a, got.Units, nil)
			}
			if len(got.Notes) != len(got.Units) {
				t.Errorf("translate-toolkit, %s export: notes for %d units, want %d", tc.format, len(got.Notes), len(got.Units))
			}
			for i, n := range got.Notes {
				if i < len(a.Segments) && n != strings.Join(a.Segments[i].Notes, "\n") {
					t.Errorf("translate-toolkit, %s export, unit %d: notes %q, want %q", tc.format, i+1, n, a.Segments[i].Notes)
				}
			}
			// XLIFF 1.2: approved="yes" on exactly the approved segments.
			for i, ap := range got.Approved {
				if ap == nil || i >= len(a.Segments) {
					continue
				}
				if want := a.Segments[i].State == "approved"; *ap != want {
					t.Errorf("translate-toolkit, %s export, unit %d (segment %d, state %s): approved %v, want %v",
						tc.format, i+1, a.Segments[i].ID, a.Segments[i].State, *ap, want)
				}
			}
		})
	}
}

func TestReadersXliff2js(t *testing.T) {
	root := repoRoot(t)
	module := filepath.Join(root, ".ci", "node", "node_modules", "xliff")
	if _, err := os.Stat(filepath.Join(module, "package.json")); err != nil {
		t.Fatalf("the npm package xliff is not installed in %s (%v): %s", module, err, installHint)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatalf("node is not on PATH (%v); install the Debian packages nodejs npm, then %s", err, installHint)
	}
	a := readersArticle()
	path := writeExport(t, a, "xliff2", ".xlf")
	cmd := exec.Command(node, "-e", xliff2jsScript, path)
	cmd.Env = append(os.Environ(), "XLIFF_MODULE="+module)
	var got struct {
		SourceLanguage string       `json:"sourceLanguage"`
		TargetLanguage string       `json:"targetLanguage"`
		Units          [][2]*string `json:"units"`
		Notes          [][]string   `json:"notes"`
	}
	runJSON(t, cmd, &got)
	if got.SourceLanguage != a.SourceLang || got.TargetLanguage != a.Lang {
		t.Errorf("xliff2js read languages %q to %q, want %q to %q", got.SourceLanguage, got.TargetLanguage, a.SourceLang, a.Lang)
	}
	units := make([][2]string, len(got.Units))
	for i, u := range got.Units {
		for j, p := range u {
			if p == nil {
				t.Errorf("xliff2js: unit %d has no %s", i+1, [2]string{"source", "target"}[j])
				continue
			}
			units[i][j] = *p
		}
	}
	for i := range units {
		for j := range units[i] {
			units[i][j] = xliff2Tokens(units[i][j])
		}
	}
	compareUnits(t, "xliff2js", "xliff2", a, units, nil)
	if len(got.Notes) != len(got.Units) {
		t.Errorf("xliff2js: notes for %d units, want %d", len(got.Notes), len(got.Units))
	}
	for i, n := range got.Notes {
		if i < len(a.Segments) && !slices.Equal(n, a.Segments[i].Notes) {
			t.Errorf("xliff2js: unit %d notes %q, want %q", i+1, n, a.Segments[i].Notes)
		}
	}
}

// writeExport writes a in format to a temporary file and returns its path.
func writeExport(t *testing.T, a formats.Article, format, ext string) string {
	t.Helper()
	var buf bytes.Buffer
	if err := formats.Write(&buf, a, format); err != nil {
		t.Fatalf("Write %s: %v", format, err)
	}
	path := filepath.Join(t.TempDir(), "export-"+format+ext)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// runJSON runs cmd and decodes its standard output into v.
func runJSON(t *testing.T, cmd *exec.Cmd, v any) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: %v\nstderr:\n%s", cmd.Path, err, stderr.String())
	}
	if err := json.Unmarshal(stdout.Bytes(), v); err != nil {
		t.Fatalf("%s printed no valid JSON (%v):\n%s\nstderr:\n%s", cmd.Path, err, stdout.String(), stderr.String())
	}
}

// compareUnits checks that the reader found one unit per segment, in order,
// with the segment's source and target exactly, or, with a non-nil want, as
// want renders them (tags.Strip for a reader that leaves inline codes out).
func compareUnits(t *testing.T, reader, format string, a formats.Article, got [][2]string, want func(string) string) {
	t.Helper()
	if want == nil {
		want = func(s string) string { return s }
	}
	if len(got) != len(a.Segments) {
		t.Errorf("%s read %d units from the %s export, want %d: %q", reader, len(got), format, len(a.Segments), got)
	}
	for i := 0; i < len(got) && i < len(a.Segments); i++ {
		sg := a.Segments[i]
		if w := want(sg.Source); got[i][0] != w {
			t.Errorf("%s, %s export, unit %d (segment %d): source\n got %q\nwant %q", reader, format, i+1, sg.ID, got[i][0], w)
		}
		if w := want(sg.Target); got[i][1] != w {
			t.Errorf("%s, %s export, unit %d (segment %d): target\n got %q\nwant %q", reader, format, i+1, sg.ID, got[i][1], w)
		}
	}
}

// xliff2Code matches the XLIFF 2.0 inline codes as xliff2js writes them back
// with inlineAsString: <pc id="N" …>, </pc> and <ph id="N" …/>.
var xliff2Code = regexp.MustCompile(`<pc\b[^>]*?\bid="(\d+)"[^>]*>|</pc>|<ph\b[^>]*?\bid="(\d+)"[^>]*/>`)

// xliff2Tokens turns the inline codes in a text as xliff2js renders it back
// into our tag tokens, so that its reading can be compared exactly.
func xliff2Tokens(s string) string {
	var open []string
	return xliff2Code.ReplaceAllStringFunc(s, func(m string) string {
		sub := xliff2Code.FindStringSubmatch(m)
		switch {
		case m == "</pc>":
			if len(open) == 0 {
				return m
			}
			id := open[len(open)-1]
			open = open[:len(open)-1]
			return "{/" + id + "}"
		case sub[1] != "":
			open = append(open, sub[1])
			return "{" + sub[1] + "}"
		}
		return "{" + sub[2] + "/}"
	})
}

// repoRoot walks up from the working directory to the directory holding go.mod.
func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found above the working directory")
		}
		dir = parent
	}
}
