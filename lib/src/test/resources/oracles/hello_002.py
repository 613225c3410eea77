# Oracle for HelloExampleTest: the lecture's "hello" worked example (slides), column layout as on
# the slides. Run: /usr/bin/python3 hello_002.py
import numpy as np
np.set_printoptions(precision=10)
Wxh=np.array([[0.287027359,0.84606,0.572392,0.486813],[0.902874425,0.871522,0.691079,0.18998],[0.537523791,0.09224,0.558159,0.491528]])
whh=0.427043; b=0.567001
Why=np.array([[0.37168,0.974829459,0.830034886],[0.39141,0.282585823,0.659335709],[0.64985,0.09821557,0.334287084],[0.91266,0.32581642,0.144630018]])
x=np.eye(4)
h0=np.zeros(3)
a1=Wxh@x[0]+whh*h0+b; h1=np.tanh(a1); print("a1",a1,"h1",h1)
r2=whh*h1+b; print("whh*h1+b",r2)
a2=Wxh@x[1]+r2; h2=np.tanh(a2); print("a2",a2,"h2",h2)
y=Why@h2; print("y",y)
p=np.exp(y)/np.exp(y).sum(); print("p",p)
h2t=h2.copy(); h2t[1]=0.945104; y2=Why@h2t; print("y with typo 0.945104", y2, np.exp(y2)/np.exp(y2).sum())
