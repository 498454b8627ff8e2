/** A CSV of `count` people, person-1@example.com onwards; plain data, so workerd and MySQL tests both use it. */
export function peopleCsv(count: number, from = 1) {
  const lines = ["First Name,Last Name,Email,Tags"];
  for (let i = from; i < from + count; i++) lines.push(`Person,Number ${i},person-${i}@example.com,batch`);
  return `${lines.join("\r\n")}\r\n`;
}
