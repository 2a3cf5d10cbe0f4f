package model

import "strings"

// Name pools. Compact: one string each, split once.
var (
	// Men.
	genMSingle = strings.Fields(`Sugiarto Suparman Haryanto Sutrisno Wahyudi Supriadi Junaidi Rusdiansyah Mulyadi
		Darmawan Hendra Sabirin Syahrani Jailani Masrani Rahmadi Hairani Jumberi Masliansyah Herliansyah Ardiansyah
		Yuliansyah Syamsuddin Basri Mahyuni Fahrurrazi Iberahim Hamberi Samsuri Bahrani Arbani Supian Asnawi Kusnadi
		Rahmatullah Hasanuddin Zainuddin Syarifuddin Irwansyah Riduan Saberi Rusmanto Norhadi Sarkani Jumadi Kaspul
		Mardani Sahriansyah Akhmadi Hairul Rasyidi Badrun Salman Mukhlis Syaukani Anwar Hamdani Murjani Khairullah
		Nurdin Ramli Syarkawi Gazali Jamhari Aspihani Mahdi Jainal Arbain Mastur Sahrul Rusli Saipul Taufikurrahman
		Hasbullah Abdurrahman Nasrullah Yusran Fahriannor Rusdi Hasani Mawardi Hadariansyah Syahbudin Muhlis
		Bahrudin Ansyarullah Fakhrurrazi Sumarno Sukardi Purwanto Setiadi Misran Rijali Hidayatullah Saprudin
		Jurkani Alfiansyah`)
	genMArabic = strings.Fields(`Rahman Ridwan Arsyad Fauzi Noor Syahrani Hatta Iqbal Rizki Yusuf Ilham Hafiz Fadli
		Ramadhan Amin Ikhsan Syafii Husin Hasan Ali Saleh Zaini Anshari Hidayat Rasyid Irfan Taufik Jamhuri Khairil
		Ansyari Nasir Faisal Fajri Rafi Azhar Luthfi Arifin Yamani Syarwani Jazuli Aidil Firdaus Naufal Zulkifli
		Ibrahim Ismail Sofyan Hamzah Haris Akbar Alfian Maulana Sya'bani Abrar Wahyu Riza Hafidz Ansari Mursyid
		Aditya Fahmi Zakaria Yahya Harun Idris Musa Lukman Ridho Syahrul Anas Ramli Hanafi Rusydi`)
	genMuhammad = strings.Fields(`Muhammad Muhammad Muhammad Muhammad Muhammad Muhammad Muhammad Muhammad M. M. M.
		M. Muhamad Muhamad Mohammad Mohammad Mochammad Moch. Moch. Moh. Moh. Mohamad Muh. Muh. Mochamad Mhd.
		Muchammad`)
	genAbdul = strings.Fields(`Hadi Gani Rahim Muis Kadir Wahab Hamid Aziz Majid Latif Halim Rasyid Karim Malik
		Basit Jalil Haris Syukur Somad Rozak Qadir Jabbar Hakim Mutalib Rauf Mannan Salam Wahid Ghafur Rasyad Hafiz
		Rahman Muthalib`)
	genAhmad   = strings.Fields(`Ahmad Ahmad Ahmad Akhmad Achmad`)
	genMBanjar = strings.Fields(`Gusti Gusti Gusti Anang Anang Utuh Udin Iyus Abdi Aan`)
	genMFirst  = strings.Fields(`Rizky Fajar Dedi Agus Budi Hendra Eko Dwi Rudi Yudi Arief Bayu Dimas Reza Aditya
		Fikri Rahmat Heri Joko Bambang Slamet Teguh Wahyu Irfan Ari Dian Doni Galih Sigit Adi Rendi Yogi Fauzan
		Ilham Taufik Erwin Andre Ferry Hadi Imam`)
	genMLast = strings.Fields(`Pratama Setiawan Kurniawan Saputra Santoso Hidayat Nugroho Wibowo Prasetyo
		Firmansyah Ramadhan Permana Susanto Gunawan Hermawan Wijaya Syahputra Maulana Hakim Effendi Purnomo Suryadi
		Rahmadani Fadillah Anugrah Pamungkas Hidayatullah Riyadi Sanjaya Utomo`)
	genNoorPre = strings.Fields(`Ahmad Rahmat Fahmi Ilmi Hairul Fathul Husin Akhmad Khairul Syamsul Jainal Arsyad
		Syahrani Fauzi Hasan Rahmadi Akhmadi Ali Zainal Hadi Basuni`)
	genAndiM = strings.Fields(`Baso Amran Sulaiman Akbar Syamsul Arman Tahir Irwan Rusdi Mappa Ilham Fadli Rahman
		Jumardi Amir Irfan Sultan Patta Ahmad Hasbi Iskandar Bakri Syahrir Rustam Zainal`)
	genBugisLast = strings.Fields(`Amir Pallawa Makkasau Latief Rahim Mappiare Siradjuddin Hamid`)
	genSundaM    = strings.Fields(`Asep Ujang Dede Cecep Ade Dadang Encep Ayi Iwan Engkus Deden Aep Yayan Jajang
		Odang Dadan Entis Endang`)
	genSundaML = strings.Fields(`Saepudin Sunandar Supriatna Hidayat Kurniawan Sopian Rukmana Suhendar Gunawan
		Permana Sutisna Mulyana Komarudin Hermawan Taryana Rustandi Suganda`)
	genChristM = strings.Fields(`Yohanes Agustinus Yulius Fransiskus Petrus Markus Stefanus Yosef Paulus Kristian
		Natanael Daniel Yoel Heribertus`)
	genOldMOne = strings.Fields(`Tjahjono Soeparman Soekardi Soetrisno Soebagio Soewarno Djunaidi Soekarman
		Djamaluddin Moechtar Soedarsono Soemarno Djumadi Soejono Tjiptoning`)
	genOldMFirst = strings.Fields(`Djoko Achmad Chairul Abdoel Soegeng Tjipto Moehammad Djajat Soetjipto Chaidir`)
	genOldMLast  = strings.Fields(`Santoso Soedarmo Djailani Chairuddin Tjahjadi Soetopo Anwar Djauhari Wibowo
		Soedibjo Soesilo Hadisoewarno Djunaedi Noerdin`)

	// Women.
	genFSingle = strings.Fields(`Rusmini Norhayati Rahmawati Jumiati Mahrita Hairunnisa Salasiah Fatimah Halimah
		Masnah Arbainah Rusmilawati Mariani Herlina Yuliani Rahmaniah Hamidah Nurhasanah Fauziah Jamilah Raudah
		Bainah Suriani Lisnawati Sumiati Mardiana Paridah Aslamiah Rusdiana Wahdah Norlatifah Mahdalena Maslianti
		Normila Saniah Syarifah Rabiah Zubaidah Marfuah Khadijah Jumrah Hasnah Nordiana Kamariah Supiani Rosidah
		Nurjanah Masliana Hayati Rusnawati Marlina Herawati Irmawati Fitriyani Mulyani Rukayah Noorhasanah Hariyati
		Salmah Masitah Nafisah Jubaidah Rohana Mariam Yulianti Norjannah Aisyah Hairiyah Noorhidayah Rusniah
		Maimunah Salbiah Rusmalina Mahmudah Jainab Sapiah Kartini Sulastri Suryani Hamsiah Risnawati Jumaidah Saadah
		Mursidah Rahimah Nurlaila Norsidah Hasanah Nursiah Fatmawati Rusmiati Mardiah Samsiah Anisah Erlina Yusnita
		Mahrunnisa Sawiyah Hamdiah`)
	genFArabic = strings.Fields(`Aisyah Rahmah Khadijah Nurhaliza Maryam Fatimah Zubaidah Aminah Hajar Hawa Zahra
		Salamah Rukayah Mardiyah Sarah Hasanah Halimah Sholihah Masitah Mahmudah Jubaidah Fauziah Hidayah Aini
		Jannah Laila Azizah Afifah Hikmah Fadhilah Aulia Izzah Huda Fitriah Mardiah Husna Syifa Annisa Rabiah
		Nafisah Kamilah Munawwarah Qomariah Ulfah Rohmah Latifah Khairunnisa Maisarah Humaira Habibah Sakinah Wardah`)
	genSitiNur = strings.Fields(`Nur Nur Nurul Noor`)
	genFBanjar = strings.Fields(`Aluh Aluh Galuh Galuh Antung Antung Gusti Gusti Diang Noor`)
	genFFirst  = strings.Fields(`Dewi Rina Sri Fitri Eka Yuni Lia Rizka Putri Ayu Dian Indah Ratna Wulan Novi Nia
		Rini Tri Endang Desi Mega Anisa Intan Maya Siska Yeni Ika Evi Dina Lina Rika Winda Vivi Melati Ani Tika Erna
		Yanti`)
	genFLast = strings.Fields(`Lestari Susanti Wahyuni Handayani Rahmawati Astuti Amalia Amelia Puspitasari
		Anggraini Kusumawati Safitri Oktaviani Permatasari Novitasari Purwanti Ningsih Rahayu Maharani Agustina
		Utami Wulandari Pertiwi Fitriani Sari Yuliana Septiani Ramadhani Aprilia Kartika`)
	genAtul = strings.Fields(`Rabiatul Mariatul Zahratul Raudatul Hidayatul Mahfuzatul Rusydatul Hayatul
		Nafisatul Husnul Khairun Laili Fathiyatul Munawwaratul`)
	genAtulLast = strings.Fields(`Adawiyah Kiptiah Aini Jannah Mustafidah Hasanah Husna Mahmudah Hikmah Fitriah
		Munawarah Khatimah Nisa Rahmah Azizah Ulya`)
	genAndiF = strings.Fields(`Nurhayati Fatimah Tenri Rahmawati Ulfa Hasnah Megawati Sitti Besse Ratna Nurlina
		Sukmawati Hasmiah Nurjannah Hartati Darmawati Suriani Asmawati`)
	genSundaF = strings.Fields(`Euis Neneng Iis Cucu Enung Yayah Entin Imas Nining Teti Lilis Ai Elis Popon Ela
		Eneng Nenden`)
	genSundaFL = strings.Fields(`Komariah Rohaeti Sumiati Nurhayati Rosita Kurniasih Maryani Suryani Fitriani
		Rostika Nurjanah Sulastri Kartika Mulyati Rohmah Rukmini Solihah`)
	genChristF = strings.Fields(`Maria Natalia Yuliana Magdalena Fransiska Theresia Elisabeth Agnes Veronika
		Kristina Yohana Debora Margaretha Lusiana`)
	genOldF = strings.Fields(`Soeharti Soemiati Djuariah Soepartini Soekaesih Djumiati Soelastri Tjitjih
		Chadidjah Soedarsih Soewarni Djamilah Soetinah Soeprapti Tjintawati Roechanah`)
	genOldFPre = strings.Fields(`Siti Siti Sri Sri Rr.`)

	genTShirtM = genTable(5, 25, 35, 25, 10) // S M L XL XXL
	genTShirtF = genTable(20, 35, 30, 12, 3)
	genBlood   = genTable(40, 25, 27, 8) // O A B AB
	genPillarT = func() genWeights {
		w := make([]int, len(genPillars))
		for i, p := range genPillars {
			w[i] = p.weight
		}
		return genTable(w...)
	}()
	// Name patterns per region, for men and women (see genNamer.male, .female).
	genMalePat = [...]genWeights{
		genRegBanjar:  genTable(9, 22, 10, 9, 18, 3, 1, 6, 0, 0),
		genRegPesisir: genTable(8, 20, 9, 6, 18, 3, 10, 5, 0, 0),
		genRegKaltim:  genTable(8, 20, 8, 4, 24, 4, 7, 4, 1, 1),
		genRegKalteng: genTable(8, 16, 6, 4, 24, 3, 2, 3, 0, 12),
		genRegSunda:   genTable(4, 12, 6, 0, 20, 4, 0, 0, 40, 0),
	}
	genFemalePat = [...]genWeights{
		genRegBanjar:  genTable(11, 14, 10, 6, 20, 8, 3, 1, 0, 0),
		genRegPesisir: genTable(10, 13, 9, 4, 20, 6, 3, 10, 0, 0),
		genRegKaltim:  genTable(9, 13, 9, 3, 26, 5, 4, 7, 1, 1),
		genRegKalteng: genTable(9, 10, 8, 3, 26, 3, 3, 2, 0, 12),
		genRegSunda:   genTable(4, 10, 8, 0, 20, 0, 4, 0, 40, 0),
	}
	genShirts = [...]string{"S", "M", "L", "XL", "XXL"}
	genBloods = [...]string{"O", "A", "B", "AB"}
	// Mobile prefixes; Telkomsel (0811-0813, 0821-0823, 0852-0853) leads in Kalimantan.
	genPhonePre = strings.Fields(`0811 0812 0812 0813 0813 0821 0821 0822 0822 0823 0852 0852 0853 0853 0851 0857
		0856 0815 0817 0818 0819 0859 0877 0878 0895 0896 0898 0881 0882 0831 0838`)
)
