"""International name data for the sample organisation, written here so no library version moves it.

Names are spelled as their owners write them (diacritics, particles, apostrophes). A culture says
whether its full names put the family name first, which matters for the "swapped name order"
defect and for how people are addressed.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Final


def _names(text: str) -> tuple[str, ...]:
    return tuple(name.strip() for name in text.split(",") if name.strip())


@dataclass(frozen=True, slots=True)
class NameCulture:
    """Given names and family names of one naming culture."""

    key: str
    female: tuple[str, ...]
    male: tuple[str, ...]
    surnames: tuple[str, ...]
    family_name_first: bool = False
    #: Middle names that are part of how the culture names people (Vietnamese "Văn", "Thị").
    female_middle: tuple[str, ...] = ()
    male_middle: tuple[str, ...] = ()
    #: People of this culture abroad often go by an English name (a preferred name).
    english_preferred_names: bool = False


ENGLISH = NameCulture(
    key="english",
    female=_names(
        "Elizabeth, Jennifer, Katherine, Margaret, Rebecca, Jessica, Sarah, Emily, Hannah, Olivia,"
        " Abigail, Victoria, Samantha, Rachel, Megan, Lauren, Ashley, Kimberly, Stephanie, Susan,"
        " Patricia, Deborah, Amanda, Chloe, Grace, Madison, Natalie, Zoe, Charlotte, Harriet"
    ),
    male=_names(
        "Robert, William, James, Michael, Christopher, Matthew, Daniel, Joseph, Thomas, Andrew,"
        " Jonathan, Nicholas, Benjamin, Samuel, Alexander, Anthony, Edward, Timothy, Steven,"
        " Gregory, Richard, David, Joshua, Tyler, Ryan, Brandon, Ethan, Oliver, Harry, George"
    ),
    surnames=_names(
        "Smith, Johnson, Williams, Brown, Jones, Miller, Davis, Wilson, Anderson, Taylor, Thomas,"
        " Moore, Martin, Thompson, White, Harris, Clark, Lewis, Walker, Hall, Young, Allen, King,"
        " Wright, Scott, Green, Baker, Adams, Nelson, Carter, Mitchell, Roberts, Turner, Phillips,"
        " Campbell, Parker, Evans, Edwards, Collins, Stewart, Morris, Cooper, Hughes, Ward, Brooks,"
        " Bennett, Wood, Foster, Hayes, Fletcher-Price, Ashworth, Whitfield"
    ),
)

SPANISH = NameCulture(
    key="spanish",
    female=_names(
        "María, Guadalupe, Ana, Lucía, Sofía, Valentina, Camila, Daniela, Fernanda, Ximena,"
        " Mariana, Gabriela, Paola, Alejandra, Dolores, Carmen, Isabel, Rocío, Verónica, Natalia,"
        " Andrea, Beatriz, Concepción, Luz, Itzel"
    ),
    male=_names(
        "José, Juan, Luis, Carlos, Jorge, Miguel, Francisco, Alejandro, Eduardo, Fernando,"
        " Roberto, Ricardo, Javier, Diego, Santiago, Mateo, Sebastián, Andrés, Ignacio, Enrique,"
        " Jesús, Rodrigo, Emilio, Gonzalo, Raúl"
    ),
    surnames=_names(
        "García, Hernández, Martínez, López, González, Rodríguez, Pérez, Sánchez, Ramírez,"
        " Torres, Flores, Rivera, Gómez, Díaz, Reyes, Morales, Cruz, Ortiz, Gutiérrez, Chávez,"
        " Ramos, Ruiz, Mendoza, Álvarez, Castillo, Jiménez, Vargas, Romero, Herrera, Medina,"
        " Aguilar, Núñez, Domínguez, Vázquez, de la Cruz, García López, Fernández Ruiz,"
        " Martínez Soto, Ibáñez, Peña"
    ),
)

PORTUGUESE_BR = NameCulture(
    key="portuguese_br",
    female=_names(
        "Ana Clara, Maria Eduarda, Beatriz, Larissa, Juliana, Fernanda, Camila, Letícia,"
        " Gabriela, Mariana, Luíza, Isabela, Vitória, Bruna, Aline, Patrícia, Tatiane, Thaís,"
        " Renata, Conceição"
    ),
    male=_names(
        "João, Pedro, Lucas, Gabriel, Matheus, Rafael, Gustavo, Felipe, Thiago, Bruno, Rodrigo,"
        " Vinícius, Leonardo, Caio, Eduardo, Luiz Henrique, Marcelo, André, Sérgio, Otávio"
    ),
    surnames=_names(
        "Silva, da Silva, Santos, dos Santos, Oliveira, Souza, Pereira, Costa, Rodrigues, Almeida,"
        " Nascimento, Lima, Araújo, Ferreira, Carvalho, Gomes, Martins, Rocha, Ribeiro, Alves,"
        " Gonçalves, Barbosa, Cardoso, Teixeira, Correia, Moreira, de Souza Lima, Magalhães,"
        " Conceição, Figueiredo"
    ),
)

VIETNAMESE = NameCulture(
    key="vietnamese",
    female=_names(
        "Anh, Linh, Trang, Hương, Ngọc, Thảo, Phương, Hà, Mai, Lan, Nhung, Hằng, Yến, Quỳnh, Vy,"
        " Thư, Hạnh, Diệp, Nga, Trâm"
    ),
    male=_names(
        "Minh, Hùng, Dũng, Tuấn, Hoàng, Long, Nam, Đức, Quang, Thắng, Khoa, Phúc, Bảo, Huy,"
        " Trung, Sơn, Vinh, Cường, Hiếu, Tâm"
    ),
    surnames=_names(
        "Nguyễn, Trần, Lê, Phạm, Hoàng, Huỳnh, Phan, Vũ, Võ, Đặng, Bùi, Đỗ, Hồ, Ngô, Dương, Lý,"
        " Đinh, Trương, Lâm, Mai"
    ),
    family_name_first=True,
    female_middle=_names("Thị, Ngọc, Thu, Minh, Thanh, Bảo"),
    male_middle=_names("Văn, Đức, Minh, Quốc, Hữu, Thanh"),
    english_preferred_names=True,
)

CHINESE = NameCulture(
    key="chinese",
    female=_names(
        "Mei, Xiaoling, Jing, Yan, Li Na, Fang, Xiu Ying, Yuting, Huiying, Jiayi, Qian, Lin, Ying,"
        " Xinyi, Shu, Wenjing, Ruoxi, Yuxin, Zhen, Meiling"
    ),
    male=_names(
        "Wei, Jun, Hao, Lei, Ming, Jian, Yong, Tao, Bo, Chen, Zhiwei, Haoran, Yifan, Jiahao,"
        " Zihan, Xiaoming, Peng, Qiang, Kai, Junjie"
    ),
    surnames=_names(
        "Wang, Li, Zhang, Liu, Chen, Yang, Huang, Zhao, Wu, Zhou, Xu, Sun, Ma, Zhu, Hu, Guo, He,"
        " Lin, Gao, Luo, Zheng, Liang, Xie, Tang, Song, Ouyang"
    ),
    family_name_first=True,
    english_preferred_names=True,
)

JAPANESE = NameCulture(
    key="japanese",
    female=_names(
        "Yui, Hina, Sakura, Aoi, Yuna, Rin, Mio, Haruka, Ayaka, Misaki, Nanami, Yuko, Keiko,"
        " Akiko, Emi, Natsumi, Kana, Saki"
    ),
    male=_names(
        "Haruto, Sota, Yuto, Riku, Takumi, Kenta, Daiki, Hiroshi, Takeshi, Kenji, Yusuke, Shota,"
        " Ryo, Kazuki, Naoki, Satoshi, Tomoya, Koji"
    ),
    surnames=_names(
        "Sato, Suzuki, Takahashi, Tanaka, Watanabe, Ito, Yamamoto, Nakamura, Kobayashi, Kato,"
        " Yoshida, Yamada, Sasaki, Yamaguchi, Matsumoto, Inoue, Kimura, Hayashi, Shimizu, Mori"
    ),
    family_name_first=True,
)

INDIAN = NameCulture(
    key="indian",
    female=_names(
        "Priyanka, Ananya, Deepika, Lakshmi, Kavya, Aishwarya, Sneha, Pooja, Divya, Meera, Shruti,"
        " Nandini, Harpreet, Swati, Revathi, Aditi, Ishita, Sunita, Padma, Fatima"
    ),
    male=_names(
        "Rajesh, Venkatesh, Arjun, Rahul, Amit, Sanjay, Vikram, Karthik, Suresh, Aditya, Rohan,"
        " Manoj, Harish, Gurpreet, Srinivas, Abhishek, Nikhil, Pranav, Mohammed, Subramanian"
    ),
    surnames=_names(
        "Sharma, Patel, Singh, Kumar, Gupta, Reddy, Iyer, Nair, Rao, Krishnan, Menon, Joshi,"
        " Mehta, Desai, Chatterjee, Banerjee, Mukherjee, Agarwal, Pillai, Venkataraman,"
        " Subramaniam, Kulkarni, Bhat, Malhotra, Chopra, Kaur, Shah, Naidu, Hegde, Ansari"
    ),
)

NIGERIAN = NameCulture(
    key="nigerian",
    female=_names(
        "Chiamaka, Ngozi, Adaeze, Amara, Oluwaseun, Folasade, Funmilayo, Yetunde, Aisha, Zainab,"
        " Chioma, Ifeoma, Temitope, Bukola, Nneka, Halima, Damilola, Ebere, Kemi, Blessing"
    ),
    male=_names(
        "Chukwuemeka, Oluwatobi, Adebayo, Babatunde, Olumide, Chinedu, Ikechukwu, Obinna,"
        " Abubakar, Ibrahim, Musa, Emeka, Tunde, Segun, Kelechi, Nnamdi, Uche, Yusuf, Femi,"
        " Ayodele"
    ),
    surnames=_names(
        "Okafor, Okonkwo, Adeyemi, Adebayo, Okeke, Nwosu, Eze, Ogunleye, Bello, Abubakar, Ibrahim,"
        " Olawale, Chukwu, Nwachukwu, Afolabi, Balogun, Oyelaran, Onyekachi, Danjuma, Ogunbiyi,"
        " Akinola, Obi, Uzor, Adewale, Mohammed"
    ),
)

GERMAN = NameCulture(
    key="german",
    female=_names(
        "Anna, Katharina, Lena, Laura, Julia, Sophie, Marie, Lea, Hannah, Johanna, Charlotte,"
        " Franziska, Sabine, Ursula, Birgit, Jutta, Annika, Greta, Jana, Maike"
    ),
    male=_names(
        "Jürgen, Johannes, Lukas, Maximilian, Felix, Jonas, Tobias, Sebastian, Florian, Stefan,"
        " Matthias, Wolfgang, Klaus, Dieter, Uwe, Björn, Niklas, Moritz, Jörg, Sven"
    ),
    surnames=_names(
        "Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Schulz, Hoffmann,"
        " Schäfer, Koch, Bauer, Richter, Klein, Wolf, Schröder, Neumann, Schwarz, Zimmermann,"
        " Braun, Krüger, Hofmann, Hartmann, Weiß, Lange, Werner, Krause, Köhler, von Bergen,"
        " Schmitt-Hansen, Groß"
    ),
)

DUTCH = NameCulture(
    key="dutch",
    female=_names(
        "Anouk, Sanne, Lotte, Fleur, Femke, Eva, Lieke, Maaike, Iris, Marloes, Sophie, Noor,"
        " Esther, Ingrid, Joke, Willemijn"
    ),
    male=_names(
        "Daan, Sem, Bram, Lars, Thijs, Jeroen, Pieter, Maarten, Joost, Willem, Sander, Ruben,"
        " Niels, Koen, Bas, Hendrik"
    ),
    surnames=_names(
        "de Jong, Jansen, de Vries, van den Berg, van der Berg, van Dijk, Bakker, Janssen, Visser,"
        " Smit, Meijer, de Boer, Mulder, de Groot, Bos, Vos, Peters, Hendriks, van Leeuwen,"
        " Dekker, van der Meer, van der Linden, Brouwer, de Wit, van 't Hof, Kuipers, van Beek,"
        " Verhoeven, ter Horst, van der Heijden"
    ),
)

IRISH = NameCulture(
    key="irish",
    female=_names(
        "Aoife, Siobhán, Niamh, Saoirse, Orla, Clodagh, Róisín, Ciara, Sinéad, Gráinne, Caoimhe,"
        " Aisling, Máire, Deirdre, Eimear, Nuala"
    ),
    male=_names(
        "Seán, Ciarán, Pádraig, Darragh, Cian, Oisín, Eoin, Conor, Liam, Declan, Fionn, Cathal,"
        " Diarmuid, Ronan, Colm, Patrick"
    ),
    surnames=_names(
        "O'Neil, O'Brien, O'Sullivan, O'Connor, O'Reilly, McDonald, McCarthy, MacNamara,"
        " McLaughlin, Murphy, Kelly, Walsh, Byrne, Ryan, Doyle, Gallagher, Kennedy, Lynch,"
        " Fitzgerald, Ní Bhriain, Ó Súilleabháin, Mac Giolla, Quinn, Nolan"
    ),
)

ARABIC = NameCulture(
    key="arabic",
    female=_names(
        "Fatima, Aisha, Mariam, Layla, Noor, Huda, Yasmin, Rania, Salma, Amal, Leila, Dina,"
        " Hala, Reem, Zainab, Lina, Nadia, Samira"
    ),
    male=_names(
        "Mohammed, Muhammad, Ahmed, Ahmad, Omar, Ali, Hassan, Hussein, Khalid, Youssef, Ibrahim,"
        " Mahmoud, Tariq, Karim, Samir, Walid, Faisal, Abdullah"
    ),
    surnames=_names(
        "Al-Hassan, Al-Farsi, El-Sayed, Abdullah, Haddad, Khoury, Nasser, Mansour, Saleh, Hamdan,"
        " Al-Rashid, Aziz, Farouk, Ibrahim, Qasim, Bakr, Al-Amin, Darwish, Sabbagh, Abu-Zeid"
    ),
)

POLISH = NameCulture(
    key="polish",
    female=_names(
        "Małgorzata, Katarzyna, Agnieszka, Anna, Magdalena, Joanna, Aleksandra, Zofia, Ewa,"
        " Barbara, Dorota, Justyna, Monika, Paulina, Weronika, Żaneta"
    ),
    male=_names(
        "Łukasz, Piotr, Krzysztof, Tomasz, Paweł, Michał, Jakub, Wojciech, Marcin, Grzegorz,"
        " Andrzej, Mateusz, Bartłomiej, Kamil, Rafał, Szymon"
    ),
    surnames=_names(
        "Nowak, Kowalski, Wiśniewski, Wójcik, Kowalczyk, Kamiński, Lewandowski, Zieliński,"
        " Szymański, Woźniak, Dąbrowski, Kozłowski, Jankowski, Mazur, Kwiatkowski, Krawczyk,"
        " Piotrowski, Grabowski, Pawłowski, Michalski, Żak, Wróbel"
    ),
)

KOREAN = NameCulture(
    key="korean",
    female=_names(
        "Ji-woo, Seo-yeon, Min-ji, Ha-eun, Soo-jin, Eun-ji, Ji-hye, Yuna, Hye-jin, Da-eun"
    ),
    male=_names(
        "Min-jun, Seo-jun, Ji-hoon, Hyun-woo, Dong-hyun, Jae-won, Sung-min, Jun-ho, Tae-yang"
    ),
    surnames=_names("Kim, Lee, Park, Choi, Jung, Kang, Cho, Yoon, Jang, Lim, Han, Shin"),
    family_name_first=True,
    english_preferred_names=True,
)

CULTURES: Final = MappingProxyType(
    {
        culture.key: culture
        for culture in (
            ENGLISH,
            SPANISH,
            PORTUGUESE_BR,
            VIETNAMESE,
            CHINESE,
            JAPANESE,
            INDIAN,
            NIGERIAN,
            GERMAN,
            DUTCH,
            IRISH,
            ARABIC,
            POLISH,
            KOREAN,
        )
    }
)

#: English names people of East Asian cultures often go by abroad.
ENGLISH_PREFERRED: Final = {
    "female": _names("Grace, Vivian, Cindy, Amy, Helen, Jessica, Annie, Tina, Jenny, Michelle"),
    "male": _names("David, Kevin, Eric, Jason, Tony, Michael, Peter, Andy, Frank, Jack"),
}

#: Short forms people use for themselves; a duplicate record often carries one of them.
NICKNAMES: Final = MappingProxyType(
    {
        "Robert": ("Bob", "Rob", "Bobby"),
        "William": ("Bill", "Will", "Liam"),
        "Elizabeth": ("Liz", "Beth", "Betty"),
        "Katherine": ("Kate", "Katie", "Kathy"),
        "Margaret": ("Maggie", "Peggy", "Meg"),
        "Michael": ("Mike", "Mikey"),
        "James": ("Jim", "Jimmy", "Jamie"),
        "Christopher": ("Chris",),
        "Jennifer": ("Jen", "Jenny"),
        "Alexander": ("Alex", "Xander"),
        "Daniel": ("Dan", "Danny"),
        "Joseph": ("Joe", "Joey"),
        "Thomas": ("Tom", "Tommy"),
        "Anthony": ("Tony",),
        "Matthew": ("Matt",),
        "Nicholas": ("Nick",),
        "Benjamin": ("Ben",),
        "Samuel": ("Sam",),
        "Jonathan": ("Jon",),
        "Andrew": ("Andy", "Drew"),
        "Patricia": ("Pat", "Trish"),
        "Rebecca": ("Becky", "Becca"),
        "Victoria": ("Vicky", "Tori"),
        "Susan": ("Sue", "Susie"),
        "Deborah": ("Debbie", "Deb"),
        "Kimberly": ("Kim",),
        "Stephanie": ("Steph",),
        "Jessica": ("Jess",),
        "Edward": ("Ed", "Ted", "Eddie"),
        "Timothy": ("Tim",),
        "Steven": ("Steve",),
        "Gregory": ("Greg",),
        "Richard": ("Rick", "Rich"),
        "Abigail": ("Abby",),
        "Samantha": ("Sam",),
        "Alejandro": ("Alex",),
        "Francisco": ("Paco", "Pancho"),
        "José": ("Pepe",),
        "Guadalupe": ("Lupe",),
        "Enrique": ("Quique",),
        "Fernando": ("Nando",),
        "Roberto": ("Beto",),
        "Eduardo": ("Lalo",),
        "Ignacio": ("Nacho",),
        "Jesús": ("Chuy",),
        "Dolores": ("Lola",),
        "Concepción": ("Concha",),
        "Johannes": ("Hannes", "Hans"),
        "Katharina": ("Kathi", "Kati"),
        "Maximilian": ("Max",),
        "Wolfgang": ("Wolf",),
        "Małgorzata": ("Gosia",),
        "Katarzyna": ("Kasia",),
        "Aleksandra": ("Ola",),
        "Wojciech": ("Wojtek",),
        "Jakub": ("Kuba",),
        "Patrick": ("Paddy", "Pat"),
        "Oluwaseun": ("Seun",),
        "Oluwatobi": ("Tobi",),
        "Chukwuemeka": ("Emeka",),
        "Babatunde": ("Tunde",),
        "Funmilayo": ("Funmi",),
        "Venkatesh": ("Venky",),
        "Subramanian": ("Subbu",),
        "Rajesh": ("Raj",),
        "Priyanka": ("Priya",),
        "Mohammed": ("Mo",),
        "Maria Eduarda": ("Duda",),
        "Luiz Henrique": ("Luiz",),
        "Ana Clara": ("Ana",),
    }
)

#: Alternative spellings of the same name, the way two systems transliterate it.
SPELLING_VARIANTS: Final = MappingProxyType(
    {
        "Mohammed": ("Muhammad", "Mohamed", "Mohammad"),
        "Muhammad": ("Mohammed", "Mohamed"),
        "Ahmed": ("Ahmad",),
        "Ahmad": ("Ahmed",),
        "Youssef": ("Yusuf", "Youssif"),
        "Hussein": ("Hussain", "Husein"),
        "Aisha": ("Ayesha", "Aysha"),
        "Seán": ("Sean", "Shawn"),
        "Siobhán": ("Siobhan",),
        "Zainab": ("Zaynab",),
        "Steven": ("Stephen",),
        "Katherine": ("Catherine", "Kathryn"),
        "Jürgen": ("Juergen", "Jurgen"),
        "Müller": ("Mueller", "Muller"),
        "Schröder": ("Schroeder",),
        "Weiß": ("Weiss",),
    }
)
