interface P {name:string,age?:number}
export const greet=(p:P):string=>`hi ${p.name}`+(p.age?` (${p.age})`:"")
