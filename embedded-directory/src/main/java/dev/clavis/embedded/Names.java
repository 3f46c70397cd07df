package dev.clavis.embedded;

import java.util.List;
import java.util.Locale;

/** Given names and surnames from many places; ASCII only, so uid and mail need no transliteration. */
final class Names {

    static final List<String> GIVEN = List.of(
            "Aaliyah", "Aaron", "Abigail", "Adam", "Adrian", "Ahmed", "Aiden", "Akira", "Alejandro", "Alice",
            "Amara", "Amelia", "Ana", "Andre", "Andrew", "Anika", "Anna", "Arjun", "Ava", "Beatriz",
            "Benjamin", "Bianca", "Caleb", "Camila", "Carlos", "Caroline", "Charlotte", "Chidi", "Claire", "Connor",
            "Dana", "Daniela", "Dario", "Deepa", "Derek", "Dmitri", "Eli", "Emeka", "Emily", "Eric",
            "Ethan", "Eva", "Farah", "Felix", "Gabriel", "Hana", "Harper", "Hassan", "Ines", "Isaac",
            "Isabel", "Ivan", "Jack", "Jade", "Javier", "Jin", "Jonas", "Julia", "Kai", "Karen",
            "Kenji", "Kira", "Lars", "Leah", "Leila", "Liam", "Lina", "Logan", "Lucia", "Luis",
            "Mateo", "Maya", "Mei", "Mia", "Mohammed", "Nadia", "Naomi", "Nia", "Nikhil", "Nina",
            "Noor", "Oliver", "Omar", "Oscar", "Paula", "Pedro", "Quinn", "Rachel", "Rahul", "Rebecca",
            "Ricardo", "Rosa", "Ryan", "Sara", "Sean", "Sienna", "Simon", "Tariq", "Tessa", "Thomas",
            "Valentina", "Vikram", "Yara", "Yusuf", "Zara", "Zoe");

    static final List<String> SURNAMES = List.of(
            "Adams", "Ali", "Andersen", "Bailey", "Baker", "Banerjee", "Becker", "Bianchi", "Brown", "Campbell",
            "Castro", "Chang", "Clarke", "Costa", "Cruz", "Das", "Davies", "Diaz", "Edwards", "Evans",
            "Farouk", "Ferreira", "Flores", "Foster", "Garcia", "Gomez", "Gonzalez", "Gupta", "Hall", "Hayes",
            "Hernandez", "Hoffmann", "Ibrahim", "Ito", "Iyer", "Jackson", "Johansson", "Jones", "Kaur", "Khan",
            "Kowalski", "Kumar", "Larsen", "Lee", "Lewis", "Li", "Lindqvist", "Martinez", "Mehta", "Meyer",
            "Mitchell", "Moreau", "Moreno", "Nakamura", "Nel", "Novak", "Nowak", "Okoye", "Olsen", "Ortiz",
            "Park", "Perez", "Petersen", "Phillips", "Popescu", "Qureshi", "Ramirez", "Rao", "Reyes", "Richter",
            "Rivera", "Roberts", "Rodriguez", "Romero", "Russo", "Saito", "Santos", "Sato", "Scott", "Silva",
            "Singh", "Sousa", "Stewart", "Suzuki", "Tan", "Thompson", "Torres", "Walker", "Wang", "Weber",
            "Williams", "Wong", "Wright", "Yamamoto", "Yilmaz", "Young", "Zhang", "Zimmermann");

    private Names() {
    }

    static String uid(String givenName, String surname) {
        return (givenName + "." + surname).toLowerCase(Locale.ROOT);
    }
}
