"""Generated Indonesian social-science manuscripts (there is no Indonesian corpus).

Prose comes from templates written for this benchmark: sentences that cite in the
forms Indonesian journals use ("Menurut X (2019)", "(X dan Y, 2020)", "X dkk.
(2021)", "(Sumber: X, 2019)", "(lihat X, 2019, hlm. 5)", "Badan Pusat Statistik
(2021)") mixed with look-alikes that are not citations (statutes "Peraturan
Pemerintah Nomor 12 Tahun 2019", "UU No. 23 Tahun 2014", dates "pada tahun 2019",
"(Maret 2021)", money "(Rp 2.000.000)", "(N = 120)"). The Daftar Pustaka holds
journal articles (Jurnal ...), books (Bandung: Alfabeta), theses (Skripsi, Tesis),
reports of agencies, web pages and statutes, with Indonesian names: multi-word
names filed under their last word, single names (Sugiyono), and some foreign ones.
"""

from __future__ import annotations

import random

from bench.data.e2e_model import Cite, Group, Manuscript, Piece, Ref

GIVEN = [
    "Agus",
    "Dwi",
    "Siti",
    "Budi",
    "Rina",
    "Eko",
    "Nur",
    "Ahmad",
    "Dewi",
    "Rizky",
    "Putri",
    "Tri",
    "Andi",
    "Indah",
    "Yusuf",
    "Fitri",
    "Hendra",
    "Sri",
    "Arif",
    "Wahyu",
    "Lilis",
    "Muhammad",
    "Ayu",
]
FAMILY = [
    "Hartanto",
    "Lestari",
    "Pratama",
    "Wibowo",
    "Rahmawati",
    "Kurniawan",
    "Saputra",
    "Hidayat",
    "Setiawan",
    "Nugroho",
    "Wulandari",
    "Santoso",
    "Handayani",
    "Permana",
    "Susanti",
    "Firmansyah",
    "Gunawan",
    "Maharani",
    "Purnomo",
    "Suryadi",
    "Anggraini",
    "Halim",
    "Fauzi",
    "Syahputra",
    "Utami",
    "Ramadhan",
    "Siregar",
    "Nasution",
    "Simanjuntak",
    "Harahap",
    "Tanjung",
    "Pohan",
    "Sembiring",
    "Wijayanti",
    "Prasetyo",
    "Yuliani",
    "Hasibuan",
    "Damanik",
    "Kusuma",
    "Arifin",
    "Mahendra",
    "Puspitasari",
    "Rusdianto",
    "Sulistyowati",
    "Wicaksono",
    "Zulkarnain",
    "Yulianto",
    "Marpaung",
]
SINGLE = [
    "Sugiyono",
    "Mulyadi",
    "Moleong",
    "Arikunto",
    "Sedarmayanti",
    "Hasibuan",
    "Sukmadinata",
    "Mardiasmo",
    "Sutrisno",
    "Suharsaputra",
    "Notoatmodjo",
    "Siagian",
]
FOREIGN = [
    ("Creswell", "J. W."),
    ("Ostrom", "E."),
    ("Putnam", "R. D."),
    ("Bryson", "J. M."),
    ("Denhardt", "R. B."),
    ("Osborne", "S. P."),
    ("Bovaird", "T."),
    ("Rhodes", "R. A. W."),
    ("Lipsky", "M."),
    ("Grindle", "M. S."),
    ("Ansell", "C."),
    ("Emerson", "K."),
]
JOURNALS = [
    "Jurnal Ilmu Administrasi Negara",
    "Jurnal Kebijakan Publik",
    "Jurnal Ilmu Sosial dan Ilmu Politik",
    "Jurnal Ekonomi Pembangunan",
    "Jurnal Borneo Administrator",
    "Jurnal Manajemen Pelayanan Publik",
    "Jurnal Pendidikan dan Kebudayaan",
    "Jurnal Komunikasi Indonesia",
    "Jurnal Studi Pemerintahan",
    "Jurnal Sosiologi Reflektif",
    "Jurnal Wacana Politik",
    "Jurnal Akuntansi Multiparadigma",
]
TOPICS = [
    "tata kelola desa",
    "pelayanan publik digital",
    "pemberdayaan UMKM",
    "partisipasi masyarakat",
    "kebijakan pendidikan",
    "pengelolaan dana desa",
    "inovasi daerah",
    "kinerja aparatur sipil negara",
    "kemiskinan perkotaan",
    "transparansi anggaran",
    "literasi keuangan",
    "ketahanan pangan",
]
PLACES = [
    "Kabupaten Sleman",
    "Kota Bandung",
    "Kabupaten Banyumas",
    "Kota Makassar",
    "Kabupaten Gowa",
    "Kota Medan",
    "Kabupaten Jember",
    "Kota Padang",
    "Provinsi Jawa Timur",
    "Kota Surakarta",
]
PUBLISHERS = [
    ("Bandung", "Alfabeta"),
    ("Jakarta", "Rineka Cipta"),
    ("Bandung", "Remaja Rosdakarya"),
    ("Yogyakarta", "Gadjah Mada University Press"),
    ("Jakarta", "Kencana"),
    ("Yogyakarta", "Pustaka Pelajar"),
]
UNIS = [
    "Universitas Gadjah Mada",
    "Universitas Indonesia",
    "Universitas Airlangga",
    "Universitas Hasanuddin",
    "Universitas Padjadjaran",
    "Universitas Diponegoro",
]
AGENCIES = [
    "Badan Pusat Statistik",
    "Kementerian Dalam Negeri",
    "Badan Perencanaan Pembangunan Nasional",
    "Kementerian Keuangan Republik Indonesia",
    "Ombudsman Republik Indonesia",
]
LAWS = [
    (
        "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
        "UU No. 23 Tahun 2014",
        "2014",
    ),
    ("Undang-Undang Nomor 6 Tahun 2014 tentang Desa", "UU Desa Nomor 6 Tahun 2014", "2014"),
    (
        "Peraturan Pemerintah Nomor 12 Tahun 2019 tentang Pengelolaan Keuangan Daerah",
        "Peraturan Pemerintah Nomor 12 Tahun 2019",
        "2019",
    ),
    (
        "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik",
        "UU Nomor 25 Tahun 2009",
        "2009",
    ),
]

# {c} is a citation group; the rest is prose with look-alikes that are not citations.
PAREN = [
    "Kajian tentang {t} terus berkembang dalam satu dekade terakhir {c}.",
    "Kapasitas kelembagaan menjadi faktor penentu keberhasilan program {c}.",
    "Sejumlah studi menemukan bahwa kepercayaan publik meningkat ketika informasi anggaran dibuka {c}.",
    "Pendekatan kolaboratif dinilai lebih efektif daripada pendekatan hierarkis {c}.",
    "Hal ini sejalan dengan temuan penelitian sebelumnya di {p} {c}.",
    "Rata-rata pendapatan responden sebesar Rp 2.000.000 per bulan (Rp 1.500.000 sampai Rp 3.250.000) {c}.",
]
NARR = [
    "Menurut {c}, {t} membutuhkan dukungan politik dan sumber daya yang memadai.",
    "{c} menunjukkan bahwa pelaksanaan {t} di {p} belum optimal pada tahun 2019.",
    "Penelitian {c} menegaskan pentingnya peran pemimpin lokal.",
    "Sebagaimana dikemukakan oleh {c}, partisipasi warga memperkuat legitimasi kebijakan.",
]
PLAIN = [
    "Data dikumpulkan melalui wawancara mendalam (Maret 2021 sampai Agustus 2021) dan observasi.",
    "Jumlah informan sebanyak 18 orang (N = 18) yang dipilih secara purposif.",
    "Pada tahun 2020 anggaran program meningkat menjadi Rp 1,2 miliar (Tabel 2).",
    "Pelaksanaan program di {p} dimulai pada tahun 2017 dan diperluas pada 2019.",
    "Kondisi ini diatur dalam Peraturan Menteri Dalam Negeri Nomor 20 Tahun 2018 (Pasal 4 ayat 2).",
    "Hasil uji menunjukkan nilai signifikansi 0,002 (p < 0,05) pada model kedua.",
]
SECTIONS = [
    "Pendahuluan",
    "Tinjauan Pustaka",
    "Metode Penelitian",
    "Hasil dan Pembahasan",
    "Kesimpulan",
]


def _person(rng: random.Random) -> tuple[str, str]:
    x = rng.random()
    if x < 0.12:
        return rng.choice(SINGLE), ""
    if x < 0.25:
        return rng.choice(FOREIGN)
    return rng.choice(FAMILY), " ".join(rng.sample(GIVEN, rng.choice((1, 1, 2))))


def _refs(rng: random.Random, n: int, tag: str) -> list[Ref]:
    refs: list[Ref] = []
    firsts: set[str] = set()
    while len(refs) < n:
        kind = rng.choices(["journal", "book", "thesis", "report", "web"], [55, 20, 8, 10, 7])[0]
        year = str(rng.randint(2005, 2024))
        topic = rng.choice(TOPICS)
        rid = f"{tag}-{len(refs)}"
        if kind in ("report", "web"):
            agency = rng.choice(AGENCIES)
            r = Ref(
                id=rid,
                authors=[],
                collab=agency,
                year=year,
                kind=kind,
                title=f"Laporan {topic} tahun {year}"
                if kind == "report"
                else f"Statistik {topic} {year}",
                place="Jakarta",
                publisher=agency if kind == "report" else "",
                url=f"https://www.example.go.id/publikasi/{len(refs)}" if kind == "web" else "",
            )
        else:
            k = 1 if kind in ("book", "thesis") else rng.choices([1, 2, 3, 4], [30, 35, 25, 10])[0]
            people = [_person(rng) for _ in range(k)]
            # single-name authors (Sugiyono) write books alone; in a list of several
            # authors "Hartanto, D., dan Sugiyono." is unclear even to editors
            if k > 1 and any(not g for _, g in people):
                continue
            if len({p[0] for p in people}) < k:
                continue
            r = Ref(
                id=rid,
                authors=people,
                year=year,
                kind=kind,
                title=f"Analisis {topic} di {rng.choice(PLACES)}"
                if kind != "book"
                else f"Metode penelitian {topic}",
            )
            if kind == "journal":
                r.source, r.volume, r.issue = (
                    rng.choice(JOURNALS),
                    str(rng.randint(1, 20)),
                    str(rng.randint(1, 4)),
                )
                a = rng.randint(1, 180)
                r.pages = f"{a}–{a + rng.randint(8, 20)}"
                if rng.random() < 0.5:
                    r.doi = f"10.{rng.randint(20000, 39999)}/j{rng.randint(100, 999)}.v{r.volume}i{r.issue}.{a}"
            elif kind == "book":
                r.place, r.publisher = rng.choice(PUBLISHERS)
            else:
                r.extra, r.source = rng.choice(["Skripsi", "Tesis"]), rng.choice(UNIS)
        first = r.collab or r.authors[0][0]
        if (first, r.year) in firsts:
            continue
        firsts.add((first, r.year))  # type: ignore[arg-type]
        refs.append(r)
    return refs


def _groups(rng: random.Random, refs: list[Ref]) -> list[list[Ref]]:
    """Citation groups: every entry cited 1-3 times, some groups of 2-3 works."""
    order = [r for r in refs for _ in range(rng.choice((1, 1, 2, 3)))]
    rng.shuffle(order)
    out: list[list[Ref]] = []
    while order:
        k = min(len(order), rng.choices([1, 2, 3], [60, 30, 10])[0])
        g, order = order[:k], order[k:]
        if len({r.id for r in g}) == len(g):
            out.append(g)
        else:
            out.extend([[r] for r in g])
    return out


def one(rng: random.Random, i: int) -> Manuscript:
    """One manuscript with 20-45 entries."""
    topic = rng.choice(TOPICS)
    place = rng.choice(PLACES)
    refs = _refs(rng, rng.randint(20, 45), f"id{i}")
    laws = rng.sample(LAWS, 2)
    pieces: list[Piece] = [
        f"# Analisis {topic.capitalize()} di {place}\n\n**Abstrak:** Penelitian ini mengkaji "
        f"{topic} di {place} dengan pendekatan kualitatif.\n\n**Kata kunci:** {topic}; "
        "kebijakan publik; pemerintahan daerah\n\n"
    ]
    groups = _groups(rng, refs)
    per = max(1, len(groups) // len(SECTIONS) + 1)
    n = 0
    for s, name in enumerate(SECTIONS):
        pieces.append(f"## {name}\n\n")
        chunk = groups[s * per : (s + 1) * per]
        if s == 0:
            pieces.append(
                f"Sebagaimana diatur dalam {laws[0][0]}, pemerintah daerah wajib menyusun rencana "
                f"pembangunan. Ketentuan dalam {laws[1][1]} memperkuat kewenangan tersebut. "
            )
        for j, g in enumerate(chunk):
            cites = []
            for r in g:
                n += 1
                cites.append(Cite(n=n, rid=r.id))
            narrative = len(g) == 1 and rng.random() < 0.4
            fill = {"t": topic, "p": place}
            if narrative:
                before, after = rng.choice(NARR).format(c="\x00", **fill).split("\x00")
                pieces += [before, Group(cites, "narrative"), after + " "]
            else:
                if len(g) == 1 and rng.random() < 0.15:
                    cites[0].locator = f"hlm. {rng.randint(3, 250)}"
                    if rng.random() < 0.5:
                        cites[0].prefix = "lihat "
                tmpl = rng.choice(PAREN)
                if g[0].collab and len(g) == 1 and rng.random() < 0.5:
                    tmpl = "Tabel 1 menyajikan perkembangan indikator utama selama 2015–2020 {c}."
                    cites[0].prefix = "Sumber: "
                before, after = tmpl.format(c="\x00", **fill).split("\x00")
                pieces += [before.rstrip() + " ", Group(cites, "paren"), after + " "]
            if j % 3 == 2:
                pieces.append("\n\n" + rng.choice(PLAIN).format(p=place) + " ")
        pieces.append("\n\n")
    ms = Manuscript(
        name=f"id-{i:03d}",
        title=f"Analisis {topic}",
        pieces=pieces,
        refs=refs,
        lang="id",
        notes={"style": "author-year"},
    )
    for k, (full, _short, year) in enumerate(laws):
        ms.refs.append(
            Ref(
                id=f"id{i}-law{k}",
                authors=[],
                collab="Republik Indonesia",
                year=year,
                kind="law",
                title=full,
                extra="Jakarta: Sekretariat Negara",
                no_suffix=True,
            )
        )
        ms.notes[f"law{k}"] = f"id{i}-law{k}"
    return ms


def generate(count: int, *, seed: int = 7) -> list[Manuscript]:
    """``count`` manuscripts, reproducible from ``seed``."""
    rng = random.Random(seed * 1000 + 17)
    return [one(rng, i) for i in range(count)]
