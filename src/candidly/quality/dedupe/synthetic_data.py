"""The tables behind the synthetic people of the dedupe benchmarks: names by culture, cities,
area codes, email domains. Data only; ``synthetic`` draws from it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


def _words(text: str) -> tuple[str, ...]:
    return tuple(w.strip() for w in text.split(",") if w.strip())


@dataclass(frozen=True)
class _Culture:
    given: tuple[str, ...]
    surnames: tuple[str, ...]
    weight: float


_CULTURES: Final = (
    _Culture(
        _words(
            "Robert, William, Elizabeth, Katherine, Margaret, Michael, James, Jennifer, Christopher,"
            " Daniel, Joseph, Thomas, Anthony, Matthew, Nicholas, Benjamin, Samuel, Jonathan,"
            " Andrew, Patricia, Rebecca, Victoria, Susan, Deborah, Kimberly, Stephanie, Jessica,"
            " Edward, Timothy, Steven, Gregory, Richard, Abigail, Samantha, Emily, Hannah, Olivia,"
            " Sarah, Lauren, Megan, Ashley, Amanda, Rachel, Grace, Natalie, Zoë, Chloe, Tyler,"
            " Ryan, Brandon, Ethan, Oliver, Harry, George, Charlotte, Madison, Jacob, Joshua,"
            " Kevin, Brian, Jason, Justin, Heather, Melissa, Amy, Laura, Nicole, Alexander, Peter"
        ),
        _words(
            "Smith, Johnson, Williams, Brown, Jones, Miller, Davis, Wilson, Anderson, Taylor,"
            " Thomas, Moore, Martin, Thompson, White, Harris, Clark, Lewis, Walker, Hall, Young,"
            " Allen, King, Wright, Scott, Green, Baker, Adams, Nelson, Carter, Mitchell, Roberts,"
            " Turner, Phillips, Campbell, Parker, Evans, Edwards, Collins, Stewart, Morris, Cooper,"
            " Hughes, Ward, Brooks, Bennett, Wood, Foster, Hayes, Fletcher-Price, Ashworth,"
            " Whitfield, O'Brien, McAllister, Sullivan, Murphy, Kelly, Gallagher, Donnelly,"
            " Harrington, Pemberton, Blackwood, Caldwell, Montgomery, Sinclair, Thornton, Whitaker"
        ),
        3.0,
    ),
    _Culture(
        _words(
            "José, María, Alejandro, Guadalupe, Francisco, Ana, Lucía, Sofía, Valentina, Camila,"
            " Daniela, Fernanda, Ximena, Mariana, Gabriela, Alejandra, Carmen, Isabel, Rocío,"
            " Verónica, Natalia, Juan, Luis, Carlos, Jorge, Miguel, Javier, Enrique, Fernando,"
            " Roberto, Eduardo, Ignacio, Jesús, Raúl, Andrés, Sebastián, Mateo, Diego, Santiago,"
            " Ángel, Joaquín, Dolores, Concepción, Pilar, Ramón, Rafael"
        ),
        _words(
            "García, Rodríguez, Martínez, Hernández, López, González, Pérez, Sánchez, Ramírez,"
            " Torres, Flores, Rivera, Gómez, Díaz, Reyes, Morales, Cruz, Ortiz, Gutiérrez, Chávez,"
            " Ramos, Ruiz, Álvarez, Mendoza, Castillo, Jiménez, Vásquez, Moreno, Romero, Herrera,"
            " Medina, Aguilar, Vargas, Castro, Guzmán, Fernández, Muñoz, Salazar, Peña, Ibáñez,"
            " Núñez, Cervantes, Villanueva, Domínguez, de la Cruz, García López"
        ),
        2.0,
    ),
    _Culture(
        _words(
            "Anh, Linh, Minh, Huong, Thao, Trang, Hoa, Lan, Mai, Ngoc, Duc, Tuan, Hung, Quang,"
            " Long, Phuong, Thanh, Hai, Khanh, Bao, Dung, Hieu, Nam, Vy, Yen"
        ),
        _words(
            "Nguyễn, Trần, Lê, Phạm, Hoàng, Huỳnh, Phan, Vũ, Võ, Đặng, Bùi, Đỗ, Hồ, Ngô, Dương, Lý"
        ),
        1.0,
    ),
    _Culture(
        _words(
            "Wei, Jing, Li, Ming, Hui, Yan, Xin, Jun, Lei, Fang, Hao, Yu, Xiaoming, Xiaoling,"
            " Jian, Qiang, Mei, Ling, Tao, Yong, Zhen, Bo, Chen, Rui, Yi, Lin, Hong, Jie"
        ),
        _words(
            "Wang, Li, Zhang, Liu, Chen, Yang, Huang, Zhao, Wu, Zhou, Xu, Sun, Ma, Zhu, Hu, Guo,"
            " He, Lin, Gao, Luo, Zheng, Liang, Xie, Tang, Han, Cao, Deng, Feng"
        ),
        1.5,
    ),
    _Culture(
        _words(
            "Priyanka, Rajesh, Venkatesh, Subramanian, Aishwarya, Ananya, Arjun, Rahul, Rohit,"
            " Siddharth, Abhishek, Deepak, Sanjay, Vijay, Anil, Sunita, Kavita, Pooja, Neha,"
            " Divya, Lakshmi, Krishna, Srinivas, Nikhil, Pradeep, Sandeep, Gurpreet, Harpreet,"
            " Meera, Shreya, Aditya, Vikram, Karthik, Ramesh, Suresh, Anjali"
        ),
        _words(
            "Patel, Sharma, Singh, Kumar, Gupta, Reddy, Iyer, Nair, Rao, Menon, Krishnan, Joshi,"
            " Mehta, Shah, Desai, Chatterjee, Banerjee, Mukherjee, Das, Bose, Pillai, Agarwal,"
            " Malhotra, Kapoor, Venkataraman, Subramaniam, Ramachandran, Bhattacharya, Chopra"
        ),
        1.5,
    ),
    _Culture(
        _words(
            "Mohammed, Ahmed, Youssef, Hussein, Hassan, Ibrahim, Omar, Khaled, Mustafa, Ali,"
            " Aisha, Fatima, Khadija, Mariam, Zainab, Layla, Noor, Salma, Yasmin, Rania, Karim,"
            " Tariq, Samir, Nadia, Hana"
        ),
        _words(
            "Al-Sayed, Haddad, Khoury, Mansour, Nasser, Saleh, Hamdan, Aziz, Rahman, Hussain,"
            " Khan, Farouk, El-Amin, Qureshi, Siddiqui, Abdullah, Karimi, Sabbagh, Bakr, Darwish"
        ),
        1.0,
    ),
    _Culture(
        _words(
            "Johannes, Katharina, Maximilian, Wolfgang, Jürgen, Lukas, Felix, Jonas, Leon, Paul,"
            " Anna, Lena, Laura, Julia, Sophie, Marie, Hannah, Stefan, Andreas, Matthias,"
            " Sebastian, Tobias, Sabine, Claudia, Björn, Søren, Astrid, Ingrid, Sven, Lars"
        ),
        _words(
            "Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Schulz, Hoffmann,"
            " Schäfer, Koch, Bauer, Richter, Klein, Wolf, Schröder, Neumann, Schwarz, Zimmermann,"
            " Braun, Krüger, Hofmann, Hartmann, Lange, Weiß, Jensen, Nielsen, Hansen, Lindqvist,"
            " Johansson, Andersson, van der Berg, de Vries, Jansen"
        ),
        1.5,
    ),
    _Culture(
        _words(
            "François, Chloé, Renée, Hélène, Céline, Amélie, Élodie, Mathieu, Stéphane, Jérôme,"
            " Théo, Hugo, Louis, Camille, Léa, Manon, Inès, Giuseppe, Giovanni, Francesco,"
            " Alessandro, Lorenzo, Giulia, Chiara, Francesca, Federica, João, Luiz, Thiago, Gabriel"
        ),
        _words(
            "Martin, Bernard, Dubois, Thomas, Robert, Richard, Petit, Durand, Leroy, Moreau,"
            " Lefèvre, Girard, Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci,"
            " Marino, Greco, Silva, Santos, Oliveira, Souza, Pereira, Costa, Rodrigues, Almeida"
        ),
        1.5,
    ),
    _Culture(
        _words(
            "Łukasz, Małgorzata, Katarzyna, Wojciech, Jakub, Agnieszka, Krzysztof, Paweł, Piotr,"
            " Tomasz, Magdalena, Joanna, Anna, Dmitri, Ekaterina, Natalya, Sergei, Olga, Ivan,"
            " Mikhail, Tatiana, Aleksandr, Svetlana"
        ),
        _words(
            "Nowak, Kowalski, Wiśniewski, Wójcik, Kowalczyk, Kamiński, Lewandowski, Zieliński,"
            " Szymański, Woźniak, Dąbrowski, Ivanov, Smirnov, Kuznetsov, Popov, Sokolov, Petrov,"
            " Volkov, Fedorov, Morozov"
        ),
        1.0,
    ),
    _Culture(
        _words(
            "Oluwaseun, Oluwatobi, Chukwuemeka, Babatunde, Funmilayo, Chinedu, Ngozi, Adebayo,"
            " Kemi, Tunde, Emeka, Chiamaka, Kwame, Kwabena, Ama, Akosua, Yaw, Adaeze, Ifeoma, Obinna"
        ),
        _words(
            "Okafor, Okonkwo, Adeyemi, Balogun, Eze, Nwosu, Olawale, Adebayo, Ogunleye, Mensah,"
            " Boateng, Asante, Owusu, Obi, Chukwu, Ibrahim, Danjuma, Afolabi, Oyelaran, Nnamdi"
        ),
        1.0,
    ),
    _Culture(
        _words(
            "Hiroshi, Kenji, Takeshi, Yuki, Haruka, Sakura, Aiko, Kenichi, Takahiro, Yoshihiro,"
            " Minjun, Seojun, Jihoon, Jiwoo, Seoyeon, Minji, Hyun, Soyeon"
        ),
        _words(
            "Sato, Suzuki, Takahashi, Tanaka, Watanabe, Ito, Yamamoto, Nakamura, Kobayashi, Kato,"
            " Kim, Lee, Park, Choi, Jung, Kang, Cho, Yoon, Jang, Lim"
        ),
        1.0,
    ),
)

#: City, country code for phones, and its weight.
_CITIES: Final = (
    ("San Francisco", "US", 6.0),
    ("New York", "US", 8.0),
    ("Austin", "US", 4.0),
    ("Seattle", "US", 4.0),
    ("Chicago", "US", 4.0),
    ("Boston", "US", 3.0),
    ("Los Angeles", "US", 5.0),
    ("Denver", "US", 2.0),
    ("Atlanta", "US", 2.0),
    ("Toronto", "CA", 3.0),
    ("Montréal", "CA", 1.5),
    ("London", "GB", 5.0),
    ("Manchester", "GB", 1.5),
    ("Berlin", "DE", 3.0),
    ("München", "DE", 1.5),
    ("Paris", "FR", 2.0),
    ("Madrid", "ES", 1.5),
    ("São Paulo", "BR", 1.5),
    ("Ciudad de México", "MX", 1.5),
    ("Bengaluru", "IN", 3.0),
    ("Hyderabad", "IN", 1.5),
    ("Lagos", "NG", 1.0),
    ("Singapore", "SG", 1.0),
    ("Sydney", "AU", 1.5),
    ("Dublin", "IE", 1.0),
    ("Amsterdam", "NL", 1.0),
    ("Warszawa", "PL", 1.0),
    ("Tokyo", "JP", 1.0),
    ("Seoul", "KR", 1.0),
    ("Hồ Chí Minh City", "VN", 0.8),
)
_US_AREA: Final = {
    "San Francisco": ("415", "628"),
    "New York": ("212", "646", "917", "718"),
    "Austin": ("512", "737"),
    "Seattle": ("206", "425"),
    "Chicago": ("312", "773"),
    "Boston": ("617", "857"),
    "Los Angeles": ("213", "310", "323"),
    "Denver": ("303", "720"),
    "Atlanta": ("404", "678"),
    "Toronto": ("416", "647"),
    "Montréal": ("514", "438"),
}
#: Country calling code and national significant number length for international numbers.
_COUNTRY: Final = {
    "GB": ("44", 10),
    "DE": ("49", 11),
    "FR": ("33", 9),
    "ES": ("34", 9),
    "BR": ("55", 11),
    "MX": ("52", 10),
    "IN": ("91", 10),
    "NG": ("234", 10),
    "SG": ("65", 8),
    "AU": ("61", 9),
    "IE": ("353", 9),
    "NL": ("31", 9),
    "PL": ("48", 9),
    "JP": ("81", 10),
    "KR": ("82", 10),
    "VN": ("84", 9),
}
_DOMAINS: Final = (
    ("gmail.com", 45.0),
    ("outlook.com", 10.0),
    ("yahoo.com", 10.0),
    ("hotmail.com", 6.0),
    ("icloud.com", 6.0),
    ("proton.me", 3.0),
    ("fastmail.com", 2.0),
    ("web.de", 2.0),
)
_TAGS: Final = ("jobs", "careers", "linkedin", "apply", "recruiting", "2024")
#: Full names several different people have.
_COMMON_NAMES: Final = (
    ("María", "García"),
    ("John", "Smith"),
    ("Wei", "Zhang"),
    ("Mohammed", "Khan"),
    ("Priya", "Patel"),
    ("Anh", "Nguyễn"),
    ("David", "Kim"),
    ("Anna", "Müller"),
)


_SYLLABLES: Final = _words(
    "ka, ro, mi, len, dar, son, ber, to, lu, vi, na, sha, tor, el, an, is, ov, ski, ez, ra, mo,"
    " ham, wick, ley, ton, field, bu, chi, de, fa, go, hi, jo, ku, li, ma, ne, pa, qui, ri, sa,"
    " ta, un, va, wa, ya, zo, bre, cla, dra, fre, gri, kro, pla, sto, tra, vel, mar, ling, dorf"
)
