const  fs=require("fs")
let unused = 1
function add(a,b){ if (a == b) { return a*2 } ; return a+b }
const obj = {alpha:1,beta:[1,2,3],gamma:{nested:true,deeper:{list:['a','b','c','d','e','f','g','h']}}}
console.log(add(1,2), obj, undefinedThing)
module.exports = {add}
