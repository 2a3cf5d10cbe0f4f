package cli

import "strings"

// passcodeWords is the list passcodes are drawn from: common Indonesian words,
// lower case, easy to say to a gate and to type, none of them unkind.
var passcodeWords = strings.Fields(`
abad abang abdi abu acar acara adat adem adik agung air ajar akar akhir akrab aksi aktif
alam alang alas alat alir alun amal aman ambal ambil ampas ampuh anak andal anggur angin
angka angsa antar anting anyam apel api apung arah arak arang arena arti arung asah asam
asap asin asli asuh atap atas atur awal awan awet ayah ayam ayat ayun babak badai badan
bagus bahan bahtera bahu baja bajak baju bakar bakat bakul balai balap balok bambu bangau
bangun banjir bantal bantu banyak barang barat baris baru basah batas batik batu bawah
bawang bayam bazar bebas bebek bejana bekal bekas belah belajar belang belanja belantara
beledu belimbing belut benang bendera bendungan bengkel benih bening bensin benteng benua
berani beras berkah berkat bersih beruang besar besi besok betah betis biasa bibit bidang
bijak biji bijih bilah bilik bimbing bina bingkai bintang biru bisa bisik bobot bokor
bola bolu bongkah bonsai botol buah bubu bubur bujur bukit buku bulan bulat bulu bumbu
bumi buncis bunda bundar bunga buntal bunyi buru burung busana butir cabai cabang cadas
cahaya cakap calon camar campur candi cangkir cangkul canting capai capung cari catur
cawan cebur cekatan celah celana cemara cemerlang cempaka cempedak cendana cepat cepu
cerah cerdas cerek ceri cerita cermat cermin ceruk cetak cicak cincang cincin cinta cipta
cita coba cokelat corak cuaca cucu cucur cukup cumi dacin dadu dagang daging dahan dahi
dalam dalang damai danau dandan dangau dansa dapat dapur darat darma dasar datang datar
daun dawai daya dayung debu dedak dekat delima dendang denyut depan derajat derap deras
dermaga desa desir detik dewasa diam dian didik dinas dinding dingin dodol domba dongeng
dorong dua duku dukung dulang dunia duri durian dusun egrang eja elang elok emas empat
emping empuk enam encer endang endap enggang engsel erat fajar fikir gabah gabus gading
gagah gagak gajah galah galang galeri gali gambar gambus gamelan gamis gampang ganda
gandeng gandum gang ganjil gantung gapura garam garis garpu garuda gasing gaun gayung
gegap gelang gelap gelar gelas gelombang gema gemar gembala gembira gempa gemuk gemulai
genap gendang gendong genggam gentong gerai gerak gerbang gerimis gerobak getah getar
gigi gigih girang gitar gores gosok gotong gua gubuk gugus gula gulai gulat gulma gulung
gumpal guna guntur gunung gurih guru gurun hadiah hafal hakim halaman halte halus hamba
hamparan hangat hantar harap harapan harga hari harimau harta harum hasil hasrat hati
hawa hebat hektar helai hemat hening hentak heran hias hiasan hidup hijau hikmah hilir
hitam hitung hormat hujan hulu huni hutan ibu ikan ikat ikhlas iklan ilmu imbang impian
indah indera induk ingat intan intip irama isi istana isyarat itik jabat jadi jagat
jagung jahe jahit jajan jaket jala jalan jalur jambang jambu jamu jamur jangkar jangkrik
janji jantan jantung jarak jari jaring jarum jatah jati jauh jawab jawara jaya jelajah
jelita jembatan jemur jenak jenaka jendela jengkal jeram jerami jernih jeruk jinak jingga
jitu jiwa joglo jongkok juang juara jubah judul jujur julang jumpa jurang juwita kabar
kabin kabut kaca kacamata kacang kadal kado kagum kaidah kain kakak kakatua kaki kaktus
kalbu kalem kalung kamar kambing kampung kamus kancil kancing kandang kandil kangkung
kapak kapal kapas kapur karang karet kartu karya kasih kasur kata katak kawah kawan kawat
kayu kebaya kebun kecap kecapi kecil kedai kedelai kejora kelana kelapa kelas kelereng
keliling kelinci keling keluarga kemah kembang kemeja kemiri kenanga kenari kencang
kendara kendi kening kepala kepiting kerang keras kerbau kerja kertas kerupuk kesturi
ketan ketupat kiat kidung kilat kilau kincir kinerja kipas kiri kirim kisah kita kolam
kompas kopi kopiah koran kosong kota kotak kuali kuat kubah kuda kuku kuliah kulit
kumbang kumis kunci kuncup kuning kunyit kupu kurma kursi kurus kutub labu labuh lada
ladang lading lagu lahir laju lalu lambang lampion lampu lancar langit langkah langsat
lantai lapang lapis lari larik latih laut lawan lawang layang layar layu lebah lebar
lebat legit lekas lekuk lemari lembah lembu lembut lempar lempeng lengan lenggang lentera
lentik lereng lesung letak lidah lidi lilin lima limau limpah lincah lindu lindung
lingkar lintas lipat lobak lompat lontar lontong lorong luas lucu luhur lukis lumba
lumbung lumpur lumut lurus madu mahir main maju makan makmur maksud malam mampir mampu
mancung mandala mandi mandiri mangga manggis mangkuk manik manis mantap mantel marga mas
masa masak mata matahari mawar megah meja mekar melati melodi melon memang menang menara
mendung mentari merah merak merdeka merpati mesin mesra mestika mewah mimpi minggu minum
minyak mobil mohon molek muara muda mudah mufakat mujur mula mulai mulia mungil murah
murni musik musim mutiara nada nadi nafas naga naik nalar nampan nanas nangka napas nasi
nasib negeri nelayan nenek nikmat nilai nyala nyaman nyanyi nyiur obat obor olah oleh
ombak orang orbit ornamen otak padang padi padu pagar pagi pahala pahat pakai paku palu
paman pamor panca pancing pandai pandan panen pangan panggil panggung pangkal panjang
panjat pantai pantas pantun papan para paras paruh pasak pasar pasir pasti patuh patung
paus pawai payung pecel pegat pejuang pekan pelan pelangi pelita peluang peluk pematang
pena pendek pendopo pensil penuh penyu pepaya perahu perak perdu pergi perigi periuk
perlu permata pertama perum pesan pesisir pesona pesta petai petak petang petani peti
petik petuah piala pijar pikat pilar pilih pinang pindah pinggir pintar pintu pinus pipi
piring pisang pisau pita pohon pokok polos pondok potret pualam puas pucat pucuk pujian
pukat pulang pulau pulen puncak pundi punggung pusaka puspa putar putih putri puyuh rabab
rabu ragam rahasia rahmat raja rajin rakit rakyat ramah ramai rambut rambutan rampak
rancak rangka rangkul rantau ranting rapat rapi rasa rata rawa rawat rawit rebab rebana
rebung redup regang rejeki rekan relung remaja rembulan rempah renang rencana rendang
restu riak riang rimba rindang rindu ringan rintik riwayat roda rombak rombong rotan
rukun rumah rumput rupa rusa rusuk sabar sabit sabun sadar saga sagu sahabat sahaja saksi
saku salak salam saling salju sambal sambut sampan samudra sandal sanggar sangkar santai
santan sapi sapu sarang sarung satria satu saudara sawah sawi sawit sayang sayap sayur
sebar sebelah sedap sederhana segala segar sehat sejarah sejuk sekar sekolah selaras
selasih selat selimut semai semangka semarak semboyan sempurna semut senang sendok sengat
senja sentosa senyum sepatu sepeda serai serambi serasi sereh seruling sesuai setia siaga
siang sigap sikat siku silat simpan simpul sinar sinden singa singgah siput sirih sisir
sopan sore sosok suara subuh subur suci sudut sukma sukun sulam sulung sumber sumur
sungai sunting sunyi surat surya susu susun sutera syukur tabah tabuh tabung tadah tahu
tajam taji takaran takdir talam tali taman tambak tampah tamu tanah tanduk tangan tangga
tangguh tangkai tangkas tanjung tapai tapak tari tarik taruna tatap tawa tebing teduh
tegak tegar teguh teh teko tekun teladan telaga telapak teluk telur teman tembaga tembang
tempe tenang tenda tengah tenun tepat tepi terampil terang teras terbang teri terima
ternak tertib terus tiang tiba tiga tikar tilam timah timba timun timur tinggi tingkat
tinta tirai titik tokoh tomat tongkat topi tradisi tua tudung tugas tujuh tulang tulus
tumbuh tunas tuntun tupai turun tutur ubi ucap udang udara ufuk ujung ukir ulang ulet
ulos umbi umbul umur undang unggas unggul unik untai untung upacara urai usaha utara utas
utuh wadah wahana wajan wajib wakil waktu walet wangi wangsa warga warna warung wasiat
wayang wibawa widya wijen wira wisata wujud yakin zaitun zamrud
`)
