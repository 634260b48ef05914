"""Short translations of some articles' titles and abstracts (written for citecheck).

The benchmark turns these articles into manuscripts in another language with their
(English) reference lists, as Indonesian journals and others publish them. ``vi``
is a language the default backend does not cover: the scorer must fall back to
the reference-only signal there, not flag at random.
"""

from __future__ import annotations

TRANSLATIONS: dict[str, tuple[str, str, str]] = {
    # dev
    "pntd.0001969": (
        "id",
        "Analisis mendalam sebaran telur Schistosoma mansoni dan cacing tambang dalam tinja manusia",
        "Diagnosis infeksi cacing yang akurat penting untuk pengobatan pasien dan program pengendalian penyakit. "
        "Telur cacing dalam sampel tinja digunakan sebagai indikator intensitas infeksi. Kami menentukan letak telur "
        "cacing dalam seluruh sampel tinja dari 222 orang di Pantai Gading dan menguji apakah homogenisasi "
        "meningkatkan deteksi telur Schistosoma mansoni dan cacing tambang.",
    ),
    "ppat.1002247": (
        "id",
        "Protein C6 virus vaccinia merupakan faktor virulensi yang mengikat protein adaptor TBK-1 dan menghambat aktivasi IRF3 dan IRF7",
        "Respons imun bawaan terhadap infeksi virus diawali oleh pengenalan DNA dan RNA virus oleh reseptor "
        "pengenal pola sehingga sel menghasilkan interferon-beta. Penapisan protein virus vaccinia menunjukkan "
        "bahwa protein C6 menghambat induksi interferon-beta dengan mencegah aktivasi IRF3 dan IRF7 oleh kinase "
        "TBK1 dan IKK-epsilon. Virus tanpa gen C6 kurang virulen pada model infeksi tikus.",
    ),
    "pone.0067380": (
        "id",
        "Hiu tikus menggunakan pukulan ekor sebagai strategi berburu",
        "Strategi berburu hiu tikus pelagis (Alopias pelagicus) diteliti di Pulau Pescador, Filipina. Dari 61 "
        "pengamatan video bawah air, 25 peristiwa perburuan dianalisis. Hiu tikus memukul kawanan sarden dengan "
        "ekornya untuk melumpuhkan mangsa; perburuan terdiri atas fase persiapan, pukulan, pemulihan dan "
        "pengumpulan mangsa.",
    ),
    "pcbi.1004152": (
        "id",
        "Memprediksi risiko epidemi dari data kontak temporal masa lalu",
        "Setelah munculnya epidemi penyakit menular, intervensi perlu diprioritaskan untuk mengendalikan "
        "penyebarannya. Kami menunjukkan bahwa risiko infeksi dapat diperkirakan dari data kontak temporal masa "
        "lalu. Indeks yang menyatakan kestabilan kontak dari waktu ke waktu diusulkan untuk memprioritaskan "
        "intervensi, dan efektivitasnya diuji pada jaringan perpindahan ternak dan kontak manusia.",
    ),
    "pone.0080518": (
        "id",
        "Ekoinformatika dapat mengungkap kesenjangan hasil panen akibat interaksi tanaman dan hama",
        "Petani dan konsultan mengumpulkan data kepadatan hama setiap musim tanam untuk keputusan pengendalian "
        "hama. Kami menyajikan pendekatan ekoinformatika yang memanfaatkan data ini untuk meneliti interaksi "
        "hama dan tanaman, dengan studi kasus serangan Lygus hesperus pada tanaman kapas dan dampaknya pada hasil.",
    ),
    "pmed.1001786": (
        "es",
        "Heterogeneidad genética intratumoral y mortalidad en el cáncer de cabeza y cuello",
        "La heterogeneidad genética dentro de un tumor puede influir en la respuesta al tratamiento. Analizamos "
        "datos de secuenciación de The Cancer Genome Atlas de pacientes con carcinoma escamoso de cabeza y cuello "
        "y encontramos que una mayor heterogeneidad intratumoral se asocia con mayor mortalidad.",
    ),
    "pone.0066742": (
        "vi",
        "Tác động tương đối của các bệnh mạn tính đa bệnh lên chất lượng cuộc sống liên quan đến sức khỏe",
        "Nghiên cứu đoàn hệ MultiCare khảo sát bệnh nhân cao tuổi mắc nhiều bệnh mạn tính tại các phòng khám "
        "đa khoa ở Đức. Chúng tôi ước tính ảnh hưởng của từng bệnh mạn tính lên chất lượng cuộc sống.",
    ),
    # test
    "pone.0002554": (
        "id",
        "Perbandingan kerapatan kayu antara biola klasik Cremona dan biola modern",
        "Biola klasik karya Stradivari dan Guarneri menjadi tolok ukur kualitas suara semua biola. Karakteristik "
        "getaran dan radiasi suara biola ditentukan oleh geometri instrumen dan sifat bahan kayunya. Kami "
        "membandingkan kerapatan kayu lima biola klasik dan delapan biola modern dengan tomografi terkomputasi; "
        "perbedaan kerapatan antara kayu awal dan kayu akhir lebih kecil pada biola klasik.",
    ),
    "pone.0078761": (
        "id",
        "Partisi aditif keanekaragaman ikan terumbu karang pada berbagai skala spasial di Karibia",
        "Keanekaragaman hayati terumbu karang menurun secara global sehingga pola keanekaragaman regional perlu "
        "dikaji. Kami menerapkan partisi aditif keanekaragaman alfa dan beta ikan karang pada 80 lokasi, 22 "
        "subregion dan enam ekoregion di Laut Karibia menggunakan basis data REEF.",
    ),
    "pgen.1000052": (
        "id",
        "Ekspresi gen leukosit menurut lingkungan geografis pada masyarakat Amazigh Maroko",
        "Penyakit kompleks seperti diabetes dan asma meningkat seiring perubahan gaya hidup. Kami meneliti "
        "perbedaan ekspresi gen leukosit darah tepi pada tiga kelompok Amazigh Maroko dengan cara hidup "
        "berbeda: nomaden gurun, petani pegunungan dan penduduk kota pesisir. Sepertiga transkriptom leukosit "
        "berhubungan dengan lingkungan geografis.",
    ),
    "pone.0116586": (
        "id",
        "Respons tumbuhan Arktik terhadap pemanasan yang melemah dari waktu ke waktu",
        "Penelitian ini menguji apakah respons tumbuhan Arktik terhadap pemanasan konsisten antarspesies, lokasi "
        "dan waktu. Pemanasan eksperimental dan variasi suhu alami diamati di Barrow dan Atqasuk, Alaska sejak "
        "1994, meliputi jumlah perbungaan, tinggi perbungaan, panjang daun dan waktu munculnya bunga.",
    ),
    "pone.0153152": (
        "id",
        "Tinjauan sistematis tentang validitas inspeksi pembelian rokok oleh remaja",
        "Sebagian besar perokok menjadi kecanduan tembakau sebelum cukup umur untuk membelinya secara legal. "
        "Kami meninjau secara sistematis protokol inspeksi pembelian oleh remaja di bawah umur dan validitas "
        "ekologisnya, serta implikasi kewenangan hukum pidana dan administratif dalam penegakan larangan "
        "penjualan tembakau kepada remaja.",
    ),
    "pmed.1001518": (
        "pt",
        "Acupuntura e aconselhamento para depressão na atenção primária: ensaio clínico randomizado",
        "A depressão é tratada sobretudo com antidepressivos na atenção primária. Neste ensaio clínico "
        "randomizado, pacientes com depressão receberam acupuntura, aconselhamento ou cuidados habituais; "
        "acupuntura e aconselhamento reduziram os sintomas depressivos em três meses.",
    ),
    "pmed.1001300": (
        "vi",
        "Phác đồ điều trị lao phổi kháng đa thuốc và kết quả điều trị của bệnh nhân",
        "Chúng tôi phân tích gộp dữ liệu từng bệnh nhân của 9.153 người mắc lao kháng đa thuốc để đánh giá "
        "mối liên quan giữa các thuốc trong phác đồ và kết quả điều trị thành công.",
    ),
}
