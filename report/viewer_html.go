package report

import (
	"fmt"
	"html/template"
	"sort"

	"github.com/liaison-net/liaison/internal/style"
)

// pageFont is the font of the page, of the charts and of the network drawings.
const pageFont = `"Liberation Sans", Arial, Helvetica, sans-serif`

func sortStrings(s []string) { sort.Strings(s) }

// The network section of the HTML page: the interactive view and, folded under it (and in
// print), the static drawing. Parsed into the page's template set as "network".
var _ = template.Must(page.New("network").Parse(`{{$v := .Viewer}}<div id="lv">
<style>{{$v.CSS}}</style>
<div id="lv-bar">
<label>find <input type="search" id="lv-search" placeholder="id or name" aria-label="find an actor by id or name"></label><button type="button" id="lv-search-go">find</button> <span id="lv-found" class="lv-small"></span>
<span><button type="button" id="lv-zoom-in" aria-label="zoom in">+</button><button type="button" id="lv-zoom-out" aria-label="zoom out">−</button><button type="button" id="lv-reset">fit</button></span>
</div>
<div id="lv-bar2" style="display:flex;flex-wrap:wrap;gap:.4em 1em;font-size:.88em;margin-bottom:.4em">
<label><input type="checkbox" id="lv-rel" checked> relational</label>
<label><input type="checkbox" id="lv-trans" checked> transactional</label>
<label><input type="checkbox" id="lv-club" checked> club-only</label>
<label title="on a dense layer, draw the edges outside the backbone (disparity filter) faint"><input type="checkbox" id="lv-backbone" checked> backbone</label>
<label>layer <select id="lv-layer"><option value="combined">combined</option><option value="bilateral">bilateral ties</option><option value="clubs">club co-membership</option></select></label>
<label>domain <select id="lv-domain"><option value="">any</option>{{range $v.Domains}}<option>{{.}}</option>{{end}}</select></label>
<label>community <select id="lv-community"><option value="">all</option>{{range $v.Communities}}<option value="{{.}}">{{.}}</option>{{end}}</select></label>
{{if $v.Years}}<label>year <input type="range" id="lv-year" min="0" max="{{len $v.Years}}" step="1" value="{{len $v.Years}}" aria-label="year"> <b id="lv-year-label">all time</b></label> <button type="button" id="lv-all-time">all time</button>{{else}}<span hidden><input type="range" id="lv-year"><b id="lv-year-label"></b><button type="button" id="lv-all-time"></button></span>{{end}}
</div>
<div id="lv-main"><div id="lv-stage"><canvas id="lv-canvas" aria-label="interactive network view"></canvas><div id="lv-tip"></div></div>
<div id="lv-info"><p class="lv-small">Click an actor or a tie for its details.</p></div></div>
<div id="lv-status"></div>
<div id="lv-legend"><span><span class="ln" style="border-color:{{$v.Relational}}"></span>relational tie</span><span><span class="ln" style="border-color:{{$v.Transactional}};border-top-style:dashed"></span>transactional tie</span><span><span class="ln" style="border-color:{{$v.ClubOnly}};border-top-width:1px"></span>club co-membership only</span>
<span>node size: hub score · colour: community</span>{{range $v.CommunityKey}}<span><span class="sw" style="background:{{.Colour}}"></span>{{.Label}}</span>{{end}}</div>
<script type="application/json" id="lv-data">{{$v.Data}}</script>
<script>{{$v.Script}}</script>
</div>
<p class="small">Drag to pan, scroll or +/− to zoom, hover for a name, click for the details (measures, class, p_relational, factors, why). {{if $v.Years}}The year slider shows the layer of each year of the change over time ({{len $v.Years}} years{{if lt (len $v.Years) $v.AllYears}} of its {{$v.AllYears}}: every other one, to keep the page small{{end}}, laid out where the all-time drawing puts each actor); "all time" the whole period.{{end}}</p>
<details id="static-network"><summary>Static drawing (for print)</summary>
<figure>{{svg .Pictures.Network}}<figcaption class="small">{{.NetworkCaption}}</figcaption></figure>
</details>
`))

// communityPalette and otherCommunity are the community colours (shared with the exports).
var communityPalette = style.CommunityPalette

const otherCommunity = style.OtherCommunity

// communityColours gives each community its colour (style.CommunityColours: the largest the
// palette's, the rest grey).
func (rep *Report) communityColours() []string {
	if rep.colours == nil {
		g := rep.Result.Communities.Groups
		sizes := make([]int, len(g))
		for i := range g {
			sizes[i] = len(g[i])
		}
		rep.colours = style.CommunityColours(sizes)
	}
	return rep.colours
}

// communityColour is the colour of actor u's community.
func (rep *Report) communityColour(u int) string {
	c := int(rep.Result.Actors[u].Community)
	if cs := rep.communityColours(); c >= 0 && c < len(cs) {
		return cs[c]
	}
	return otherCommunity
}

// KeyEntry is one entry of a colour legend.
type KeyEntry struct{ Colour, Label string }

// CommunityKey is the legend of the community colours: one entry per coloured community and
// one for the rest.
func (rep *Report) CommunityKey() []KeyEntry {
	g := rep.Result.Communities.Groups
	cs := rep.communityColours()
	var out []KeyEntry
	other := 0
	for _, colour := range communityPalette {
		for c := range g {
			if cs[c] == colour {
				out = append(out, KeyEntry{colour, fmt.Sprintf("community %d (%d)", c, len(g[c]))})
			}
		}
	}
	for c := range g {
		if cs[c] == otherCommunity {
			other++
		}
	}
	if other > 0 {
		out = append(out, KeyEntry{otherCommunity, fmt.Sprintf("%d other communities", other)})
	}
	return out
}

// NetworkCaption explains the static drawing.
func (rep *Report) NetworkCaption() string {
	return networkCaption
}
