/** «Иванова Мария Петровна»: surname first, as on Russian documents. */
export function fullName(person: { surname: string; name: string; patronymic: string | null }): string {
  return [person.surname, person.name, person.patronymic].filter((part) => part).join(' ');
}
