/**
 * Name parts for generated players. Some carry diacritics (including Turkish dotless ı), apostrophes,
 * hyphens, initials and suffixes so every normalisation path downstream is exercised.
 */
export const FIRST_NAMES: readonly string[] = [
  "Aaron", "Andre", "Anthony", "Bennett", "Brandon", "Caleb", "Cameron", "Chris", "Darius", "Damon",
  "DeShawn", "Derrick", "Devin", "Dillon", "Dominic", "Elijah", "Evan", "Gabriel", "Grant", "Isaiah",
  "Jalen", "Jamal", "Jaylen", "Jordan", "Josh", "Justin", "Keegan", "Kendall", "Kevin", "Kyle",
  "Lamar", "Malik", "Marcus", "Mason", "Miles", "Nathan", "Nick", "Noah", "Oscar", "Quentin",
  "Reggie", "Russell", "Scottie", "Terrence", "Trey", "Tyrese", "Victor", "Xavier", "Zach", "Walker",
  "Ousmane", "Tariq", "Bruno", "Dario", "Franz", "Goran", "Jonas", "Luka", "Milan", "Nikola",
  "José", "Andrés", "Joël", "Théo", "Björn", "Søren", "Özgür", "Şener", "Dāvis", "Vasilije",
  "D'Angelo", "De'Aaron", "Ja'Marr", "Jae'Sean", "Amen", "T.J.", "P.J.", "R.J.", "A.J.", "Jean-Pierre",
];

export const LAST_NAMES: readonly string[] = [
  "Adams", "Allen", "Bailey", "Banks", "Bell", "Brooks", "Bryant", "Carter", "Coleman", "Collins",
  "Cooper", "Davis", "Ellis", "Fields", "Fleming", "Ford", "Freeman", "Gordon", "Graham", "Grant",
  "Green", "Hale", "Harris", "Hayes", "Hill", "Holmes", "Howard", "Hunter", "Jackson", "James",
  "Jenkins", "Johnson", "Jones", "Kelly", "King", "Lewis", "Lowry", "Marshall", "Mitchell", "Moore",
  "Morris", "Murray", "Nelson", "Owens", "Parker", "Payne", "Porter", "Price", "Reed", "Richards",
  "Roberts", "Robinson", "Ross", "Sanders", "Simmons", "Spencer", "Stewart", "Thomas", "Thompson", "Tucker",
  "Turner", "Walker", "Wallace", "Warren", "Washington", "Watson", "White", "Williams", "Wright", "Young",
  "Jokić", "Bogdanović", "Šarić", "Nurkić", "Valančiūnas", "Porziņģis", "Dončić", "Müller", "Schröder", "Gonçalves",
  "Peña", "Ibáñez", "Hernández", "Núñez", "Yılmaz", "Çelik", "Sørensen", "Kalaitzákis", "Antetokoúnmpo", "Lindström",
  "O'Neal", "O'Connell", "D'Amato", "McDaniels", "MacLeod", "Walker-Pierce", "Gilmore-Hayes", "Alexander-Reid", "Smith-Rowe", "Ndiaye",
];

export const SUFFIXES: readonly string[] = ["Jr.", "Jr.", "Jr.", "II", "III", "Sr.", "IV"];
