#!/usr/bin/env python3
"""Builds ulasan-id.csv: short Indonesian review sentences labelled 1 (positive) / 0 (negative).

Written by the Kursus RNN project and released under CC0-1.0 (see LICENSE.txt next to this file).

    /usr/bin/python3 data/sentiment-id/build_ulasan.py      # rewrites ulasan-id.csv next to it

Deterministic: a fixed seed, Python's `random` only (no third-party packages), so re-running it
gives the same bytes. The committed CSV is the output of this script.

How the set is built
--------------------
* Four domains: film, makanan (food), produk (product), layanan (service).
* Per domain, ASPECTS lists the things a review talks about ("rasanya", "pelayanannya") and, for
  each, predicates that really go with it ("enak", "hambar"), each with its polarity, whether it
  can be negated naturally ("tidak enak", "kurang enak", "tidak terlalu mahal") and whether it takes
  an intensifier ("sangat", "banget", "sekali", "benar-benar"). Sentences are only ever built from an
  aspect and its own predicates, so no "kamarnya lezat" style nonsense can appear.
* Hand-written sentences (HAND) add free-form reviews the templates cannot produce.
* Minimal pairs: two sentences with exactly the same bag of words but opposite labels, e.g.
      "Harganya mahal, tapi rasanya enak."   -> 1
      "Rasanya enak, tapi harganya mahal."   -> 0
  The labelling rule is the one Indonesian readers use: in "X, tapi Y" the clause after "tapi"
  decides; in "Meskipun X, Y" the main clause Y decides; in "Saya kira X, ternyata Y" and
  "Dulu X, sekarang Y" / "Awalnya X, tapi lama-lama Y" the later state decides; "tidak"/"kurang"
  flip the predicate right after them. A bag-of-words model sees both members of a pair as the
  same input, so on pairs it is right exactly half of the time; a model that reads the order can
  be right on both.
* Tags are computed from the words, not from the template: `negation` (tidak, kurang, bukan, tak,
  belum), `contrast` (tapi, meskipun, sayangnya, untungnya, ternyata, dulu/sekarang, daripada, ...),
  `intensifier` (sangat, banget, sekali, benar-benar, terlalu, ...), joined with "+"; `plain` if none.
* Split: a fixed held-out test split of about 20 %, drawn per (domain, template) stratum with the
  seed; both members of a minimal pair always land in the same split.
"""
import collections
import csv
import os
import random
import re

SEED = 20250817
TEST_FRACTION = 0.2
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "ulasan-id.csv")


class Pred:
    """A predicate for an aspect: text, polarity (+1/-1), negators it takes, intensifiers it takes.

    neg: letters t = "tidak X", k = "kurang X", r = "tidak terlalu X"   (each flips the polarity)
    intens: "a" = sangat X / X banget / X sekali / benar-benar X, "s" = only sangat X / benar-benar X
    """

    def __init__(self, text, pol, neg="", intens=""):
        self.text, self.pol, self.neg, self.intens = text, pol, neg, intens


def P(text, pol, neg="", intens=""):
    return Pred(text, pol, neg, intens)


# aspect phrase -> predicates that go with it
ASPECTS = {
    "makanan": {
        "rasanya": [P("enak", 1, "tk", "a"), P("lezat", 1, "tk", "a"), P("mantap", 1, "", "a"),
                    P("hambar", -1, "t", "a"), P("aneh", -1, "", "a")],
        "makanannya": [P("enak", 1, "tk", "a"), P("lezat", 1, "tk", "a"), P("masih hangat", 1),
                       P("sudah dingin", -1), P("hambar", -1, "t", "a")],
        "porsinya": [P("besar", 1, "t", "a"), P("mengenyangkan", 1, "t", "s"),
                     P("kecil", -1, "", "a"), P("sedikit", -1, "t", "a")],
        "harganya": [P("murah", 1, "t", "a"), P("terjangkau", 1, "", "s"), P("mahal", -1, "tr", "a")],
        "tempatnya": [P("bersih", 1, "tk", "a"), P("nyaman", 1, "tk", "a"),
                      P("kotor", -1, "t", "a"), P("sempit", -1, "t", "a"), P("panas", -1, "", "a")],
        "pelayanannya": [P("cepat", 1, "tk", "a"), P("ramah", 1, "tk", "a"),
                         P("lambat", -1, "tr", "a"), P("lama", -1, "t", "a")],
        "minumannya": [P("segar", 1, "k", "a"), P("enak", 1, "tk", "a"), P("encer", -1, "t", "a")],
        "dagingnya": [P("empuk", 1, "tk", "a"), P("alot", -1, "t", "a"), P("keras", -1, "", "a")],
        "bumbunya": [P("meresap", 1, "tk", "s"), P("pas", 1, "k", "a"), P("hambar", -1, "t", "a")],
        "pelayannya": [P("ramah", 1, "tk", "a"), P("sopan", 1, "tk", "a"), P("jutek", -1, "t", "a")],
    },
    "film": {
        "filmnya": [P("bagus", 1, "tkr", "a"), P("seru", 1, "tkr", "a"), P("menghibur", 1, "tk", "s"),
                    P("membosankan", -1, "t", "a"), P("jelek", -1, "t", "a"),
                    P("mengecewakan", -1, "t", "s")],
        "ceritanya": [P("menarik", 1, "tk", "a"), P("seru", 1, "tk", "a"), P("klise", -1, "t", "a"),
                      P("membosankan", -1, "t", "a"), P("membingungkan", -1, "t", "s")],
        "alurnya": [P("rapi", 1, "tk", "a"), P("menegangkan", 1, "tk", "s"), P("lambat", -1, "t", "a"),
                    P("bertele-tele", -1, "t", "s"), P("mudah ditebak", -1, "t", "s")],
        "akting para pemainnya": [P("bagus", 1, "tk", "a"), P("meyakinkan", 1, "tk", "s"),
                                  P("natural", 1, "k", "a"), P("kaku", -1, "t", "a"),
                                  P("berlebihan", -1, "t", "s")],
        "musiknya": [P("indah", 1, "k", "a"), P("pas", 1, "k", "a"), P("mengganggu", -1, "t", "s")],
        "efek visualnya": [P("keren", 1, "k", "a"), P("memukau", 1, "", "s"), P("halus", 1, "k", "a"),
                           P("kasar", -1, "", "a"), P("murahan", -1, "t", "s")],
        "akhir ceritanya": [P("memuaskan", 1, "tk", "s"), P("mengejutkan", 1, "", "s"),
                            P("menggantung", -1, "t", "s"), P("mengecewakan", -1, "t", "s")],
        "dialognya": [P("cerdas", 1, "k", "a"), P("lucu", 1, "tk", "a"), P("kaku", -1, "t", "a"),
                      P("garing", -1, "t", "a")],
    },
    "produk": {
        "kualitasnya": [P("bagus", 1, "tkr", "a"), P("jelek", -1, "t", "a"), P("buruk", -1, "t", "s")],
        "bahannya": [P("tebal", 1, "tk", "a"), P("halus", 1, "k", "a"), P("adem", 1, "k", "a"),
                     P("tipis", -1, "t", "a"), P("kasar", -1, "t", "a")],
        "baterainya": [P("awet", 1, "tk", "a"), P("tahan lama", 1, "tk", "s"), P("boros", -1, "t", "a"),
                       P("cepat habis", -1, "t")],
        "pengirimannya": [P("cepat", 1, "tk", "a"), P("tepat waktu", 1, "t"), P("lambat", -1, "t", "a"),
                          P("lama", -1, "t", "a")],
        "kemasannya": [P("rapi", 1, "tk", "a"), P("aman", 1, "k"), P("penyok", -1),
                       P("asal-asalan", -1, "t")],
        "ukurannya": [P("pas", 1, "tk", "a"), P("sesuai", 1, "t"), P("kebesaran", -1),
                      P("kekecilan", -1)],
        "warnanya": [P("cerah", 1, "k", "a"), P("sesuai foto", 1, "t"), P("cepat pudar", -1, "t")],
        "layarnya": [P("jernih", 1, "k", "a"), P("terang", 1, "k", "a"), P("buram", -1, "t", "a"),
                     P("redup", -1, "t", "a")],
        "suaranya": [P("jernih", 1, "k", "a"), P("jelas", 1, "tk", "a"), P("sember", -1, "t", "a")],
        "harganya": [P("murah", 1, "t", "a"), P("terjangkau", 1, "", "s"), P("mahal", -1, "tr", "a")],
        "jahitannya": [P("rapi", 1, "tk", "a"), P("kuat", 1, "k", "a"), P("berantakan", -1, "t", "a")],
    },
    "layanan": {
        "pelayanannya": [P("ramah", 1, "tk", "a"), P("cepat", 1, "tk", "a"), P("memuaskan", 1, "tk", "s"),
                         P("lambat", -1, "t", "a"), P("buruk", -1, "t", "s"),
                         P("mengecewakan", -1, "t", "s")],
        "petugasnya": [P("ramah", 1, "tk", "a"), P("sopan", 1, "tk", "a"), P("sigap", 1, "tk", "a"),
                       P("jutek", -1, "t", "a"), P("kasar", -1, "t", "a"), P("cuek", -1, "t", "a")],
        "antreannya": [P("tertib", 1, "tk", "a"), P("panjang", -1, "tr", "a"), P("lama", -1, "t", "a")],
        "respons CS-nya": [P("cepat", 1, "tk", "a"), P("lambat", -1, "t", "a")],
        "kamarnya": [P("bersih", 1, "tk", "a"), P("luas", 1, "tk", "a"), P("nyaman", 1, "tk", "a"),
                     P("kotor", -1, "t", "a"), P("sempit", -1, "t", "a"), P("pengap", -1, "t", "a")],
        "prosesnya": [P("mudah", 1, "tk", "a"), P("cepat", 1, "tk", "a"), P("praktis", 1, "k", "a"),
                      P("ribet", -1, "t", "a"), P("berbelit-belit", -1, "t", "s"), P("lama", -1, "t", "a")],
        "sopirnya": [P("ramah", 1, "tk", "a"), P("hati-hati", 1, "k", "s"), P("ugal-ugalan", -1, "t", "s")],
        "hasil kerjanya": [P("rapi", 1, "tk", "a"), P("memuaskan", 1, "tk", "s"),
                           P("asal-asalan", -1, "t"), P("berantakan", -1, "t", "a")],
        "biayanya": [P("murah", 1, "t", "a"), P("terjangkau", 1, "", "s"), P("wajar", 1, "t"),
                     P("mahal", -1, "tr", "a")],
        "fasilitasnya": [P("lengkap", 1, "tk", "a"), P("bersih", 1, "tk", "a"), P("terawat", 1, "tk", "s"),
                         P("kotor", -1, "t", "a")],
    },
}

# Which aspects can meet in one sentence. A "produk" review is about one product: stitching and a
# screen never belong to the same thing, nor a hotel room and a driver in a "layanan" review.
SETTINGS = {
    "makanan": [["rasanya", "makanannya", "porsinya", "harganya", "tempatnya", "pelayanannya",
                 "minumannya", "dagingnya", "bumbunya", "pelayannya"]],
    "film": [["ceritanya", "alurnya", "akting para pemainnya", "musiknya", "efek visualnya",
              "akhir ceritanya", "dialognya"]],
    "produk": [["bahannya", "jahitannya", "ukurannya", "warnanya", "kualitasnya", "harganya",
                "pengirimannya", "kemasannya"],                                     # pakaian, tas
               ["layarnya", "suaranya", "baterainya", "kualitasnya", "harganya", "pengirimannya",
                "kemasannya"]],                                                     # elektronik
    "layanan": [["kamarnya", "fasilitasnya", "pelayanannya", "petugasnya", "biayanya"],  # hotel
                ["hasil kerjanya", "biayanya", "pelayanannya", "prosesnya"],             # bengkel
                ["antreannya", "petugasnya", "prosesnya", "pelayanannya", "biayanya"],   # bank, kantor
                ["sopirnya", "biayanya", "pelayanannya", "respons CS-nya"],              # ojek, taksi
                ["respons CS-nya", "prosesnya", "pelayanannya"]],                        # toko daring
}
# Aspects that mean nearly the same thing: never contrast them with each other
# ("Rasanya hambar, tapi bumbunya tidak hambar" makes no sense).
OVERLAP = [{"rasanya", "makanannya", "bumbunya"}, {"rasanya", "minumannya"},
           {"pelayanannya", "pelayannya"},
           {"kualitasnya", "bahannya", "jahitannya"},
           {"pelayanannya", "petugasnya", "respons CS-nya"}]
# Antonyms per aspect, (positive, negative), for "Saya kira X, ternyata Y" and "Dulu X, sekarang Y".
OPPOSITES = {
    "makanan": {"rasanya": [("enak", "hambar"), ("lezat", "hambar"), ("enak", "aneh")],
                "makanannya": [("masih hangat", "sudah dingin"), ("enak", "hambar")],
                "porsinya": [("besar", "kecil"), ("mengenyangkan", "sedikit")],
                "harganya": [("murah", "mahal"), ("terjangkau", "mahal")],
                "tempatnya": [("bersih", "kotor"), ("nyaman", "sempit"), ("nyaman", "panas")],
                "pelayanannya": [("cepat", "lambat"), ("cepat", "lama")],
                "dagingnya": [("empuk", "alot"), ("empuk", "keras")],
                "bumbunya": [("meresap", "hambar"), ("pas", "hambar")],
                "pelayannya": [("ramah", "jutek"), ("sopan", "jutek")]},
    "film": {"filmnya": [("seru", "membosankan"), ("bagus", "jelek"), ("menghibur", "membosankan")],
             "ceritanya": [("menarik", "membosankan"), ("seru", "membosankan"), ("menarik", "klise")],
             "alurnya": [("menegangkan", "lambat"), ("menegangkan", "bertele-tele"),
                         ("rapi", "bertele-tele")],
             "akting para pemainnya": [("meyakinkan", "kaku"), ("natural", "kaku"),
                                       ("natural", "berlebihan")],
             "musiknya": [("pas", "mengganggu"), ("indah", "mengganggu")],
             "efek visualnya": [("halus", "kasar"), ("memukau", "murahan"), ("keren", "murahan")],
             "akhir ceritanya": [("memuaskan", "mengecewakan"), ("memuaskan", "menggantung")],
             "dialognya": [("lucu", "garing"), ("lucu", "kaku")]},
    "produk": {"kualitasnya": [("bagus", "jelek"), ("bagus", "buruk")],
               "bahannya": [("tebal", "tipis"), ("halus", "kasar")],
               "baterainya": [("awet", "boros"), ("tahan lama", "cepat habis")],
               "pengirimannya": [("cepat", "lambat"), ("cepat", "lama"), ("tepat waktu", "lambat")],
               "kemasannya": [("rapi", "asal-asalan"), ("aman", "penyok")],
               "ukurannya": [("pas", "kebesaran"), ("pas", "kekecilan")],
               "layarnya": [("jernih", "buram"), ("terang", "redup")],
               "suaranya": [("jernih", "sember"), ("jelas", "sember")],
               "harganya": [("murah", "mahal"), ("terjangkau", "mahal")],
               "jahitannya": [("rapi", "berantakan")]},
    "layanan": {"pelayanannya": [("cepat", "lambat"), ("memuaskan", "mengecewakan"),
                                 ("memuaskan", "buruk")],
                "petugasnya": [("ramah", "jutek"), ("sopan", "kasar"), ("sigap", "cuek"),
                               ("ramah", "cuek")],
                "antreannya": [("tertib", "panjang")],
                "respons CS-nya": [("cepat", "lambat")],
                "kamarnya": [("bersih", "kotor"), ("luas", "sempit"), ("nyaman", "pengap")],
                "prosesnya": [("mudah", "ribet"), ("cepat", "lama"), ("praktis", "berbelit-belit")],
                "sopirnya": [("hati-hati", "ugal-ugalan")],
                "hasil kerjanya": [("rapi", "asal-asalan"), ("rapi", "berantakan")],
                "biayanya": [("murah", "mahal"), ("terjangkau", "mahal")],
                "fasilitasnya": [("bersih", "kotor"), ("terawat", "kotor")]},
}

# "Dulu X, sekarang Y" (a shop, restaurant or service that changed; both directions are natural)
# and "Awalnya X, tapi lama-lama Y" (a film getting better or worse as it goes on).
CHANGE_FRAME = {"makanan": "dulu", "layanan": "dulu", "produk": "dulu", "film": "awalnya"}
# aspects that can change in both directions in that frame (a room does not shrink, a screen
# does not get sharper with age, so those are left out)
CHANGE_ASPECTS = {
    "makanan": ["rasanya", "porsinya", "pelayanannya", "tempatnya", "harganya"],
    "layanan": ["pelayanannya", "petugasnya", "antreannya", "respons CS-nya", "prosesnya",
                "fasilitasnya"],
    "film": ["filmnya", "ceritanya", "alurnya"],
    "produk": ["kualitasnya", "pengirimannya", "kemasannya", "harganya"],
}
# Aspects one can "suka" (like) or "tidak suka": not prices, queues or processes.
LIKEABLE = {
    "makanan": ["rasanya", "porsinya", "tempatnya", "pelayanannya", "minumannya", "dagingnya",
                "bumbunya"],
    "film": ["ceritanya", "alurnya", "akting para pemainnya", "musiknya", "efek visualnya",
             "akhir ceritanya", "dialognya"],
    "produk": ["bahannya", "warnanya", "layarnya", "suaranya", "kemasannya", "jahitannya",
               "ukurannya"],
    "layanan": ["kamarnya", "fasilitasnya", "pelayanannya", "hasil kerjanya", "sopirnya",
                "petugasnya"],
}


def compatible(domain, a1, a2):
    """True if two different aspects can meet in one sentence and do not mean the same thing."""
    if a1 == a2 or any(a1 in g and a2 in g for g in OVERLAP):
        return False
    return any(a1 in st and a2 in st for st in SETTINGS[domain])


# Hand-written sentences: (text, label). Free-form, natural reviews.
HAND = {
    "makanan": [
        ("Nasi gorengnya enak, pasti balik lagi ke sini.", 1),
        ("Kecewa berat, ayamnya masih mentah di bagian dalam.", 0),
        ("Sotonya gurih dan kuahnya hangat, cocok untuk sarapan.", 1),
        ("Es tehnya kemanisan dan esnya cepat mencair.", 0),
        ("Tempat makan favorit keluarga kami, tidak pernah mengecewakan.", 1),
        ("Menunggu satu jam hanya untuk sepiring mi goreng yang dingin.", 0),
        ("Rendangnya juara, bumbunya meresap sampai ke dalam.", 1),
        ("Ada rambut di dalam sup saya, menjijikkan.", 0),
        ("Bakso paling enak yang pernah saya coba di kota ini.", 1),
        ("Saya tidak akan makan di sini lagi.", 0),
        ("Harga kaki lima, rasa bintang lima.", 1),
        ("Ikan bakarnya gosong dan pahit.", 0),
        ("Kopinya harum dan tidak terlalu asam.", 1),
        ("Pesanan saya salah dua kali dan tidak ada permintaan maaf.", 0),
        ("Pelayannya sigap mengisi ulang minuman tanpa diminta.", 1),
        ("Bukan restoran terbaik di kota ini, tapi layak dicoba.", 1),
        ("Bukan yang terbaik, rasanya biasa saja.", 0),
        ("Sambalnya pedas mantap, bikin ketagihan.", 1),
        ("Mejanya lengket dan lantainya licin.", 0),
        ("Rasanya tidak seenak kelihatannya.", 0),
        ("Porsinya pas dan harganya masuk akal.", 1),
        ("Nasinya keras seperti nasi kemarin.", 0),
        ("Tidak ada yang kurang, semuanya enak.", 1),
        ("Sayurnya layu dan kuahnya keasinan.", 0),
    ],
    "film": [
        ("Film terbaik tahun ini, wajib ditonton!", 1),
        ("Saya tertidur di tengah film.", 0),
        ("Ceritanya menyentuh, saya sampai menangis.", 1),
        ("Buang-buang waktu dan uang.", 0),
        ("Para pemainnya tampil memukau dari awal sampai akhir.", 1),
        ("Leluconnya garing, tidak ada yang tertawa di bioskop.", 0),
        ("Endingnya bikin merinding.", 1),
        ("Plotnya penuh lubang dan karakternya dangkal.", 0),
        ("Sinematografinya indah, setiap adegan seperti lukisan.", 1),
        ("Saya menyesal membeli tiket film ini.", 0),
        ("Tidak rugi menonton film ini dua kali.", 1),
        ("Bukan film yang buruk, malah cukup menghibur.", 1),
        ("Ini bukan film horor yang menakutkan, justru membosankan.", 0),
        ("Sekuel yang lebih baik daripada film pertamanya.", 1),
        ("Terlalu banyak adegan yang tidak perlu.", 0),
        ("Anak-anak saya suka sekali dengan film ini.", 1),
        ("Durasinya terlalu panjang untuk cerita setipis ini.", 0),
        ("Pesan moralnya tersampaikan dengan baik.", 1),
        ("Penjahatnya tidak menakutkan sama sekali.", 0),
        ("Sutradaranya berhasil membangun ketegangan dengan rapi.", 1),
        ("Bukan yang terbaik dari sutradara ini.", 0),
        ("Adegan aksinya membosankan dan terlalu lama.", 0),
        ("Saya tidak bisa berhenti memikirkan film ini.", 1),
        ("Penontonnya banyak yang keluar sebelum film selesai.", 0),
    ],
    "produk": [
        ("Barangnya sampai dengan selamat, terima kasih, Kak.", 1),
        ("Baru dipakai seminggu sudah rusak.", 0),
        ("Sesuai deskripsi, kualitasnya juara.", 1),
        ("Warnanya jauh berbeda dengan yang di foto.", 0),
        ("Sudah beli tiga kali di toko ini dan selalu puas.", 1),
        ("Tombolnya macet dan casingnya mudah retak.", 0),
        ("Sepatunya nyaman dipakai seharian.", 1),
        ("Chargernya cepat panas, saya jadi takut memakainya.", 0),
        ("Sepadan dengan harganya.", 1),
        ("Saya pesan ukuran M, yang datang ukuran S.", 0),
        ("Produk bagus, penjualnya responsif.", 1),
        ("Layarnya retak waktu barang diterima.", 0),
        ("Tidak menyesal membeli produk ini.", 1),
        ("Menyesal beli, mending cari merek lain.", 0),
        ("Kaosnya adem dan tidak luntur setelah dicuci.", 1),
        ("Ini bukan barang asli, jelas palsu.", 0),
        ("Bukan pilihan yang tepat untuk pemula.", 0),
        ("Suara earphone ini jernih dan bass-nya mantap.", 1),
        ("Blendernya berisik sekali dan cepat panas.", 0),
        ("Sangat membantu pekerjaan saya sehari-hari.", 1),
        ("Tidak ada yang perlu dikeluhkan, semuanya sesuai.", 1),
        ("Resletingnya langsung putus di pemakaian pertama.", 0),
        ("Bukan produk murahan, terasa kokoh di tangan.", 1),
        ("Garansinya susah diklaim.", 0),
    ],
    "layanan": [
        ("Petugas bank membantu saya dengan sabar sampai urusan selesai.", 1),
        ("Sudah tiga kali telepon, tidak ada yang mengangkat.", 0),
        ("Montirnya jujur dan menjelaskan kerusakan dengan jelas.", 1),
        ("Kamar mandinya jorok dan airnya tidak mengalir.", 0),
        ("Proses check-in cepat dan resepsionisnya ramah.", 1),
        ("Keluhan saya diabaikan berhari-hari.", 0),
        ("Sopirnya datang tepat waktu dan mobilnya bersih.", 1),
        ("Paket saya hilang dan kurirnya tidak bisa dihubungi.", 0),
        ("Pelayanan terbaik yang pernah saya dapatkan.", 1),
        ("Disuruh menunggu dua jam tanpa kejelasan.", 0),
        ("Masalah saya langsung ditangani, terima kasih banyak.", 1),
        ("Saya dilempar dari satu loket ke loket lain.", 0),
        ("Sarapannya lengkap dan stafnya selalu tersenyum.", 1),
        ("Tagihan saya membengkak tanpa penjelasan.", 0),
        ("Tidak pernah kecewa dengan bengkel ini.", 1),
        ("Bukan layanan yang murah, tapi sebanding dengan kualitasnya.", 1),
        ("Bukan bengkel yang bisa dipercaya.", 0),
        ("Tidak ada yang salah dengan pelayanan mereka.", 1),
        ("Motor saya malah tambah rusak setelah diservis.", 0),
        ("Satpamnya sigap membantu mencarikan tempat parkir.", 1),
        ("AC kamarnya mati dan tidak ada yang memperbaiki.", 0),
        ("Sangat direkomendasikan untuk keluarga.", 1),
        ("Pengaduan saya dijawab dengan jawaban template.", 0),
        ("Belum pernah dilayani secepat ini.", 1),
    ],
}

# Hand-written minimal pairs: (sentence labelled 1, sentence labelled 0), same bag of words.
HAND_PAIRS = {
    "makanan": [("Mahal tapi enak.", "Enak tapi mahal."),
                ("Tempatnya sempit, tapi makanannya enak sekali.", "Makanannya enak sekali, tapi tempatnya sempit."),
                ("Tidak ada yang hambar, semuanya enak.", "Tidak ada yang enak, semuanya hambar.")],
    "film": [("Awalnya membosankan tapi akhirnya seru.", "Awalnya seru tapi akhirnya membosankan."),
             ("Terlalu panjang tapi seru.", "Seru tapi terlalu panjang."),
             ("Efek visualnya biasa saja, tapi ceritanya kuat.", "Ceritanya kuat, tapi efek visualnya biasa saja.")],
    "produk": [("Mahal tapi bagus.", "Bagus tapi mahal."),
               ("Lebih banyak kelebihannya daripada kekurangannya.",
                "Lebih banyak kekurangannya daripada kelebihannya."),
               ("Tidak ada yang cacat, semuanya berfungsi.", "Tidak ada yang berfungsi, semuanya cacat.")],
    "layanan": [("Lambat tapi ramah.", "Ramah tapi lambat."),
                ("Tidak ada yang mengecewakan, semuanya memuaskan.",
                 "Tidak ada yang memuaskan, semuanya mengecewakan."),
                ("Antreannya panjang, tapi petugasnya cepat melayani.",
                 "Petugasnya cepat melayani, tapi antreannya panjang.")],
}

# How many generated items of each kind per domain.
COUNTS = {
    # single sentences (balanced between labels)
    "plain": 22, "plain_and": 12, "neg": 24, "neg_emph": 4, "neg_and": 10, "intens": 20,
    "sayang_untung": 8,
    # minimal pairs (each gives 2 sentences)
    "pair_tapi": 9, "pair_negswap": 8, "pair_meskipun": 6, "pair_kira": 5, "pair_change": 5,
    "pair_suka": 4,
}

NEG_WORDS = {"tidak", "kurang", "bukan", "tak", "belum"}
CONTRAST_WORDS = {"tapi", "tetapi", "namun", "meskipun", "walaupun", "sayangnya", "untungnya",
                  "ternyata", "padahal", "malah", "justru", "sedangkan", "dulu", "daripada"}
INTENS_WORDS = {"sangat", "banget", "sekali", "benar-benar", "amat", "sungguh", "terlalu", "paling"}


def tokens(text):
    return re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", text.lower())


def tags(text):
    t = set(tokens(text))
    out = [name for name, words in (("negation", NEG_WORDS), ("contrast", CONTRAST_WORDS),
                                     ("intensifier", INTENS_WORDS)) if t & words]
    return "+".join(out) if out else "plain"


def cap(s):
    return s[0].upper() + s[1:]


def intensify(rng, p):
    if p.intens == "a":
        form = rng.choice(["sangat {}", "{} banget", "{} sekali", "benar-benar {}"])
    else:
        form = rng.choice(["sangat {}", "benar-benar {}"])
    return form.format(p.text)


def negate(rng, p):
    """Returns (phrase, polarity) for a negated predicate."""
    options = []
    if "t" in p.neg:
        options.append("tidak {}")
    if "k" in p.neg:
        options.append("kurang {}")
    if "r" in p.neg:
        options.append("tidak terlalu {}")
    return rng.choice(options).format(p.text), -p.pol


class Builder:
    def __init__(self, rng):
        self.rng = rng
        self.rows = []          # dicts: text, label, domain, kind, pair
        self.seen_text = set()
        self.seen_bag = set()
        self.pair_no = 0

    def _norm(self, text):
        return " ".join(tokens(text))

    def add_single(self, domain, kind, text, label):
        key = self._norm(text)
        if key in self.seen_text:
            return False
        self.seen_text.add(key)
        self.rows.append(dict(text=text, label=label, domain=domain, kind=kind, pair=""))
        return True

    def add_pair(self, domain, kind, pos_text, neg_text):
        a, b = self._norm(pos_text), self._norm(neg_text)
        bag = tuple(sorted(a.split()))
        if bag != tuple(sorted(b.split())):
            raise ValueError("not a minimal pair: %r / %r" % (pos_text, neg_text))
        if a in self.seen_text or b in self.seen_text or bag in self.seen_bag:
            return False
        self.seen_text.update((a, b))
        self.seen_bag.add(bag)
        self.pair_no += 1
        pid = "p%03d" % self.pair_no
        for text, label in ((pos_text, 1), (neg_text, 0)):
            self.rows.append(dict(text=text, label=label, domain=domain, kind=kind, pair=pid))
        return True


def aspect_preds(domain, pol=None, need=None):
    """All (aspect, pred) of a domain, optionally filtered by polarity and a predicate test."""
    out = []
    for asp, preds in ASPECTS[domain].items():
        for p in preds:
            if (pol is None or p.pol == pol) and (need is None or need(p)):
                out.append((asp, p))
    return out


# Too grave to be outweighed by the other clause of a contrast ("Sopirnya ugal-ugalan, tapi
# biayanya murah" is not a positive review), so kept out of contrast sentences.
GRAVE = {("sopirnya", "ugal-ugalan"), ("petugasnya", "kasar")}


def contrast_preds(domain, pol=None, need=None):
    """Like aspect_preds, for sentences where one clause outweighs the other: without the
    whole-verdict aspect "filmnya" ("Filmnya jelek, tapi musiknya indah" would let a detail outweigh
    the verdict on the whole film) and without GRAVE faults."""
    return [(a, p) for a, p in aspect_preds(domain, pol, need)
            if a != "filmnya" and (a, p.text) not in GRAVE]


def fill(b, domain, kind, n, make, balanced=True):
    """Calls make(label) until n new sentences of this kind exist (half per label if balanced)."""
    made = collections.Counter()
    tries = 0
    while sum(made.values()) < n:
        tries += 1
        if tries > 20000:
            raise RuntimeError("could not make %d %s sentences for %s" % (n, kind, domain))
        label = (sum(made.values()) % 2) if balanced else None
        got = make(label)
        if got is None:
            continue
        text, lab = got
        if balanced and made[lab] >= (n + 1) // 2:
            continue
        if b.add_single(domain, kind, text, lab):
            made[lab] += 1


def fill_pairs(b, domain, kind, n, make):
    done, tries = 0, 0
    while done < n:
        tries += 1
        if tries > 20000:
            raise RuntimeError("could not make %d %s pairs for %s" % (n, kind, domain))
        got = make()
        if got is not None and b.add_pair(domain, kind, *got):
            done += 1


def build_domain(b, rng, domain):
    C = COUNTS
    pol_of = lambda label: 1 if label == 1 else -1

    # --- plain: "Rasanya enak." ---------------------------------------------------------
    def plain(label):
        asp, p = rng.choice(aspect_preds(domain, pol_of(label)))
        return cap("%s %s." % (asp, p.text)), label
    fill(b, domain, "plain", C["plain"], plain)

    # --- plain, two agreeing clauses: "Rasanya enak dan harganya murah." -------------------
    def plain_and(label):
        (a1, p1), (a2, p2) = rng.sample(aspect_preds(domain, pol_of(label)), 2)
        if not compatible(domain, a1, a2) or p1.text == p2.text:
            return None
        form = rng.choice(["%s %s dan %s %s.", "%s %s, %s juga %s."])
        return cap(form % (a1, p1.text, a2, p2.text)), label
    fill(b, domain, "plain_and", C["plain_and"], plain_and)

    # --- negation: "Rasanya tidak enak." / "Harganya tidak mahal." --------------------------
    # Half of each label comes from negating a positive, half from negating a negative predicate
    # where the language allows it, so "tidak" alone does not predict the label.
    def neg(label):
        src_pol = -pol_of(label)
        cands = aspect_preds(domain, src_pol, lambda p: p.neg)
        if not cands:
            return None
        asp, p = rng.choice(cands)
        phrase, pol = negate(rng, p)
        return cap("%s %s." % (asp, phrase)), 1 if pol > 0 else 0
    fill(b, domain, "neg", C["neg"], neg)

    # --- emphatic negation: "Pelayanannya tidak ramah sama sekali." -------------------------
    def neg_emph(label):
        cands = aspect_preds(domain, -pol_of(label), lambda p: "t" in p.neg)
        asp, p = rng.choice(cands)
        form = rng.choice(["%s tidak %s sama sekali.", "%s sama sekali tidak %s."])
        return cap(form % (asp, p.text)), label
    fill(b, domain, "neg_emph", C["neg_emph"], neg_emph)

    # --- negation inside agreeing clauses: "Harganya tidak mahal dan rasanya enak." ----------
    def neg_and(label):
        want = pol_of(label)
        a1, p1 = rng.choice(aspect_preds(domain, -want, lambda p: p.neg))
        a2, p2 = rng.choice(aspect_preds(domain, want))
        if not compatible(domain, a1, a2) or p1.text == p2.text:
            return None
        phrase, _ = negate(rng, p1)
        if rng.random() < 0.5:
            return cap("%s %s dan %s %s." % (a1, phrase, a2, p2.text)), label
        return cap("%s %s dan %s %s." % (a2, p2.text, a1, phrase)), label
    fill(b, domain, "neg_and", C["neg_and"], neg_and)

    # --- intensifiers: "Rasanya enak banget." / "Pelayanannya sangat lambat." ---------------
    def intens(label):
        asp, p = rng.choice(aspect_preds(domain, pol_of(label), lambda p: p.intens))
        return cap("%s %s." % (asp, intensify(rng, p))), label
    fill(b, domain, "intens", C["intens"], intens)

    # --- one-directional contrast: "X p, sayangnya Y n." (0) / "X n, untungnya Y p." (1) ----
    def sayang_untung(label):
        a1, p1 = rng.choice(contrast_preds(domain, -pol_of(label)))
        a2, p2 = rng.choice(contrast_preds(domain, pol_of(label)))
        if not compatible(domain, a1, a2):
            return None
        word = "untungnya" if label == 1 else "sayangnya"
        return cap("%s %s, %s %s %s." % (a1, p1.text, word, a2, p2.text)), label
    fill(b, domain, "sayang_untung", C["sayang_untung"], sayang_untung)

    # --- pairs: "Harganya mahal, tapi rasanya enak." (1) <-> "Rasanya enak, tapi harganya mahal." (0)
    def pair_tapi():
        a1, p1 = rng.choice(contrast_preds(domain, 1))
        a2, n2 = rng.choice(contrast_preds(domain, -1))
        if not compatible(domain, a1, a2):
            return None
        return (cap("%s %s, tapi %s %s." % (a2, n2.text, a1, p1.text)),
                cap("%s %s, tapi %s %s." % (a1, p1.text, a2, n2.text)))
    fill_pairs(b, domain, "pair_tapi", C["pair_tapi"], pair_tapi)

    # --- pairs: which clause "tidak" negates ----------------------------------------------
    # "Rasanya tidak enak, tapi pelayanannya ramah." (1) <-> "Rasanya enak, tapi pelayanannya tidak ramah." (0)
    def pair_negswap():
        negatable = lambda p: "t" in p.neg
        pol = rng.choice([1, 1, 1, -1])   # mostly positive adjectives: "tidak enak" is the common case
        (a1, p1), (a2, p2) = rng.sample(contrast_preds(domain, pol, negatable), 2)
        if not compatible(domain, a1, a2):
            return None
        first_negated = cap("%s tidak %s, tapi %s %s." % (a1, p1.text, a2, p2.text))
        second_negated = cap("%s %s, tapi %s tidak %s." % (a1, p1.text, a2, p2.text))
        # the clause after "tapi" decides; its polarity is p2.pol, flipped if negated
        return (first_negated, second_negated) if pol > 0 else (second_negated, first_negated)
    fill_pairs(b, domain, "pair_negswap", C["pair_negswap"], pair_negswap)

    # --- pairs: "Meskipun harganya mahal, rasanya enak." (1) <-> "Meskipun rasanya enak, harganya mahal." (0)
    def pair_meskipun():
        a1, p1 = rng.choice(contrast_preds(domain, 1))
        a2, n2 = rng.choice(contrast_preds(domain, -1))
        if not compatible(domain, a1, a2):
            return None
        return ("Meskipun %s %s, %s %s." % (a2, n2.text, a1, p1.text),
                "Meskipun %s %s, %s %s." % (a1, p1.text, a2, n2.text))
    fill_pairs(b, domain, "pair_meskipun", C["pair_meskipun"], pair_meskipun)

    # --- pairs: "Saya kira rasanya hambar, ternyata enak." (1) <-> "... enak, ternyata hambar." (0)
    def pair_kira():
        asp = rng.choice(sorted(OPPOSITES[domain]))
        p, n = rng.choice(OPPOSITES[domain][asp])
        return ("Saya kira %s %s, ternyata %s." % (asp, n, p),
                "Saya kira %s %s, ternyata %s." % (asp, p, n))
    fill_pairs(b, domain, "pair_kira", C["pair_kira"], pair_kira)

    # --- pairs: change over time -------------------------------------------------------------
    # "Dulu pelayanannya lambat, sekarang cepat." (1) <-> "Dulu pelayanannya cepat, sekarang lambat." (0)
    # "Awalnya ceritanya membosankan, tapi lama-lama seru." (1) <-> reversed (0)
    def pair_change():
        asp = rng.choice(CHANGE_ASPECTS[domain])
        p, n = rng.choice(OPPOSITES[domain][asp])
        if CHANGE_FRAME[domain] == "dulu":
            form = "Dulu %s %s, sekarang %s."
        else:
            form = "Awalnya %s %s, tapi lama-lama %s."
        return form % (asp, n, p), form % (asp, p, n)
    fill_pairs(b, domain, "pair_change", C["pair_change"], pair_change)

    # --- pairs: "Saya tidak suka ceritanya, tapi suka musiknya." (1) <-> "Saya suka ceritanya, tapi tidak suka musiknya." (0)
    def pair_suka():
        a1, a2 = rng.sample(LIKEABLE[domain], 2)
        if not compatible(domain, a1, a2):
            return None
        return ("Saya tidak suka %s, tapi suka %s." % (a1, a2),
                "Saya suka %s, tapi tidak suka %s." % (a1, a2))
    fill_pairs(b, domain, "pair_suka", C["pair_suka"], pair_suka)

    # --- hand-written -------------------------------------------------------------------------
    for text, label in HAND[domain]:
        if not b.add_single(domain, "hand", text, label):
            raise ValueError("duplicate hand-written sentence: " + text)
    for pos_text, neg_text in HAND_PAIRS[domain]:
        if not b.add_pair(domain, "hand_pair", pos_text, neg_text):
            raise ValueError("duplicate hand-written pair: " + pos_text)


def split(rows, rng):
    """Fixed ~20 % test split per (domain, kind) stratum; a minimal pair is one unit."""
    units = collections.OrderedDict()
    for i, r in enumerate(rows):
        key = r["pair"] or ("s%d" % i)
        units.setdefault(key, []).append(i)
    strata = collections.OrderedDict()
    for key, idx in units.items():
        r = rows[idx[0]]
        strata.setdefault((r["domain"], r["kind"]), []).append(idx)
    for stratum_units in strata.values():
        order = list(range(len(stratum_units)))
        rng.shuffle(order)
        n_test = round(TEST_FRACTION * len(stratum_units))
        for rank, u in enumerate(order):
            for i in stratum_units[u]:
                rows[i]["split"] = "test" if rank < n_test else "train"


def main():
    rng = random.Random(SEED)
    b = Builder(rng)
    for domain in ["film", "makanan", "produk", "layanan"]:
        build_domain(b, rng, domain)
    rows = b.rows
    split(rows, rng)
    with open(OUT, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "text", "label", "domain", "phenomenon", "pair", "split"])
        for i, r in enumerate(rows, start=1):
            w.writerow(["id%04d" % i, r["text"], r["label"], r["domain"], tags(r["text"]),
                        r["pair"], r["split"]])
    labels = collections.Counter(r["label"] for r in rows)
    splits = collections.Counter(r["split"] for r in rows)
    pairs = sum(1 for r in rows if r["pair"]) // 2
    print("wrote %s: %d sentences, labels %s, splits %s, %d minimal pairs"
          % (OUT, len(rows), dict(labels), dict(splits), pairs))


if __name__ == "__main__":
    main()
