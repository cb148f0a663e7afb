package layout

import "strings"

// latinRarePairs are the letter pairs found in at most 5 of the 63,875
// lower-case words of the Debian wamerican 2020.12.07 word list. English
// words almost never contain them; Russian typed on a Latin layout is full
// of them (92% of Russian word forms contain one, per hunspell-ru, against
// 0.24% of English words).
const latinRarePairs = `
bg bk bq bx bz cb cd cf cg cj cm cp cv cw cx cz dq dx fc fd
fg fj fk fm fp fq fv fw fx fz gc gj gk gq gv gx gz hk hq hv
hx hz iy jb jc jd jf jg jh jj jk jl jm jn jp jq jr js jt jv
jw jx jy jz kj kq kv kx kz lj lq lz mg mj mk mq mt mx mz pj
pq pv px pz qa qb qc qd qe qf qg qh qi qj qk ql qm qn qo qp
qq qr qs qt qv qw qx qy qz rx sx sz tq tv tx uh uq uw vb vc
vd vf vg vh vj vk vl vm vn vp vq vs vt vw vx vz wj wq wv wx
xb xd xf xg xj xk xl xm xn xq xr xs xw xz yq yv yy zb zc zd
zf zg zh zj zk zm zn zp zq zr zs zt zv zw zx
`

// latinAllowed lists tokens customers type that trip the Latin test but
// are ordinary in support queries: file types, protocols, product names.
var latinAllowed = map[string]bool{
	"cvc": true, "cvv": true, "cmd": true, "cms": true, "docx": true,
	"html": true, "http": true, "https": true, "jpeg": true, "jpg": true,
	"js": true, "json": true, "pptx": true, "qr": true, "sftp": true,
	"smtp": true, "sql": true, "svg": true, "tv": true, "vk": true,
	"vpn": true, "xls": true, "xlsx": true, "xml": true,
}

// maxAllowedLen is the length of the longest latinAllowed entry.
const maxAllowedLen = 5

// cyrRarePairs are the letter pairs, "_" marking a word edge, that occur
// in at most 0.002% of the word forms of each of the Debian hunspell
// dictionaries for Russian, Ukrainian and Bulgarian (1.25M, 2.78M and
// 0.87M forms, expanded with unmunch). Taking the union of what the three
// allow keeps genuine Ukrainian and Bulgarian text from looking mistyped;
// English typed on the Russian layout still hits one in 73% of its words.
const cyrRarePairs = `
_ы _ь аъ аы аь вэ гй гх гц гщ гы гє гї гґ дй еъ еы еь
жй жщ жы жє жї жґ зй иы иь йи йъ йы йь йэ йё кж кй кщ
кэ кє кї кґ лй лї мй мї мґ нй нї оы оь пж пй пэ пї пґ
сй сї сґ тй тї тґ уъ уы уь фд фж фз фй фх фц фщ фэ фї
фґ хй хщ хы хь хя хё хє хї хґ цж цй цч цщ цэ цё цґ чг
чд чз чй чф чщ чы чэ чє чї чґ шд шж шз шй шф шщ шы шэ
шє шї шґ щб щг щд щж щз щй щк щл щм щп щс щт щф щх щц
щч щш щщ щы щь щэ щю щє щї щґ ъ_ ъа ъй ъъ ъы ъь ъэ ъє
ъі ъї ъґ ыа ыо ыф ыъ ыы ыь ыэ ыю ыё ыє ыі ыї ыґ ьа ьл
ьу ьъ ьы ьь ьэ ьі ьґ э_ эа эе эж эи эц эч эщ эъ эы эь
ээ эю эя эё эє эі эї эґ юу юъ юы юь юя юё юі юґ яъ яы
яь яэ яё яі яґ ёи ёф ёц ёщ ёъ ёы ёь ёэ ёя ёё ёє ёі ёї
ёґ єа єи єщ єъ єы єь єэ єя єё єі єї єґ іи іъ іы іь іэ
іё їа їб їг їе їи їй їо їп їу їф їъ їы їь їэ їю їя їё
їє їі її їґ ґб ґг ґж ґй ґк ґп ґс ґх ґц ґч ґш ґщ ґъ ґы
ґь ґэ ґя ґё ґє ґї
`

// latinRare[a] has bit b set when the pair a,b is in latinRarePairs, both
// indexed by letter - 'a'.
var latinRare = func() (m [26]uint32) {
	for _, p := range strings.Fields(latinRarePairs) {
		m[p[0]-'a'] |= 1 << (p[1] - 'a')
	}
	return m
}()

// cyrRare[a][b] is true when the pair is in cyrRarePairs, both indexed by
// cyrIndex.
var cyrRare = func() (m [38][38]bool) {
	for _, p := range strings.Fields(cyrRarePairs) {
		r := []rune(p)
		m[cyrIndex(r[0])][cyrIndex(r[1])] = true
	}
	return m
}()

// cyrIndex numbers a lower-case letter of Russian, Ukrainian or Bulgarian:
// 0 is the word edge "_", 1–32 are а–я (contiguous in Unicode), then ё є
// і ї ґ. Other runes give -1.
func cyrIndex(r rune) int {
	switch {
	case r == '_':
		return 0
	case r >= 'а' && r <= 'я':
		return int(r-'а') + 1
	}
	switch r {
	case 'ё':
		return 33
	case 'є':
		return 34
	case 'і':
		return 35
	case 'ї':
		return 36
	case 'ґ':
		return 37
	}
	return -1
}
